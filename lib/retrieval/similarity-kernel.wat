;; One question word's similarity to each vocabulary word, the hot loop of a new question's retrieval
;; (docs/performance.md). Compiled by `npm run build:kernel` into similarity-kernel-wasm.ts.
;;
;; For each of `count` words, from the vector at `matrix` and the stem id at `stems` onwards:
;;   out = 1                                      when the word's stem id is `stem`;
;;   out = max(0, (cos - floor) / (1 - floor))    otherwise, where cos = query . vector / scale.
;; Vectors hold int8 values as float32, `bytes` bytes each (a multiple of 16, zero-padded), so every product
;; and sum is an exact integer under 2^24 and the result is bit-identical to the same arithmetic in
;; JavaScript. A word without a vector is all zeros, so its similarity is 0.
(module
  (memory (export "memory") 1)
  (func (export "similarities")
    (param $query i32) (param $matrix i32) (param $stems i32) (param $count i32) (param $bytes i32)
    (param $stem i32) (param $scale f64) (param $floor f64) (param $out i32)
    (local $end i32) (local $k i32) (local $sum v128) (local $cosine f64)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $words
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (if (i32.eq (i32.load (local.get $stems)) (local.get $stem))
          (then (f32.store (local.get $out) (f32.const 1)))
          (else
            (local.set $sum (v128.const f32x4 0 0 0 0))
            (local.set $k (i32.const 0))
            (block $summed
              (loop $lanes
                (br_if $summed (i32.ge_u (local.get $k) (local.get $bytes)))
                (local.set $sum
                  (f32x4.add (local.get $sum)
                    (f32x4.mul
                      (v128.load (i32.add (local.get $query) (local.get $k)))
                      (v128.load (i32.add (local.get $matrix) (local.get $k))))))
                (local.set $k (i32.add (local.get $k) (i32.const 16)))
                (br $lanes)))
            (local.set $cosine
              (f64.div
                (f64.promote_f32
                  (f32.add
                    (f32.add (f32x4.extract_lane 0 (local.get $sum)) (f32x4.extract_lane 1 (local.get $sum)))
                    (f32.add (f32x4.extract_lane 2 (local.get $sum)) (f32x4.extract_lane 3 (local.get $sum)))))
                (local.get $scale)))
            (f32.store (local.get $out)
              (if (result f32) (f64.le (local.get $cosine) (local.get $floor))
                (then (f32.const 0))
                (else
                  (f32.demote_f64
                    (f64.div
                      (f64.sub (local.get $cosine) (local.get $floor))
                      (f64.sub (f64.const 1) (local.get $floor)))))))))
        (local.set $matrix (i32.add (local.get $matrix) (local.get $bytes)))
        (local.set $stems (i32.add (local.get $stems) (i32.const 4)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br $words))))
)
