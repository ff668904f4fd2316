/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  webpack(config, { isServer }) {
    if (!isServer) {
      // Transformers.js's browser build never needs its Node backends; keep them out of the client bundle.
      config.resolve.alias = { ...config.resolve.alias, "onnxruntime-node": false, sharp: false };
    }
    return config;
  },
};

export default nextConfig;
