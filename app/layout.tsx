import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SITE, siteUrl } from "../lib/site";
import "./globals.css";

// The favicon and the home-screen icon are app/icon.svg and app/apple-icon.png (Next.js's file conventions).
export const metadata: Metadata = {
  metadataBase: siteUrl(),
  title: SITE.name,
  description: SITE.description,
  applicationName: SITE.name,
  openGraph: {
    type: "website",
    siteName: SITE.name,
    title: SITE.name,
    description: SITE.description,
    images: [SITE.image],
  },
  twitter: {
    card: "summary_large_image",
    title: SITE.name,
    description: SITE.description,
    images: [SITE.image],
  },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
