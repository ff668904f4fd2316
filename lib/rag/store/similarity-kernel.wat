;; The two hot loops of a new question's retrieval (docs/performance.md), compiled by `npm run build:kernel`
;; into similarity-kernel-wasm.ts. Each instance has its own memory: the vocabulary uses `similarities`, the
;; retriever's view store `views` and `dots`.
;;
;; similarities: one question word's similarity to each vocabulary word.
;; For each of `count` words, from the vector at `matrix` and the stem id at `stems` onwards:
;;   out = 1                                      when the word's stem id is `stem`;
;;   out = max(0, (cos - floor) / (1 - floor))    otherwise, where cos = query . vector / scale.
;; `limit` is the largest dot product whose cosine is at or under the floor (similarity-kernel.ts finds it
;; with the same float64 division), so most words, unrelated to the question word, skip the division.
;; Vectors are int8, `bytes` bytes each (a multiple of 8, zero-padded), multiplied and summed as 16-bit
;; and 32-bit integers (eight components a step), so the dot product is exact and the result is
;; bit-identical to the same arithmetic in JavaScript. A word without a vector is all zeros: similarity 0.
(module
  (memory (export "memory") 1)
  (func (export "similarities")
    (param $query i32) (param $matrix i32) (param $stems i32) (param $count i32) (param $bytes i32)
    (param $stem i32) (param $scale f64) (param $floor f64) (param $limit i32) (param $out i32)
    (local $end i32) (local $k i32) (local $sum v128) (local $dot i32) (local $cosine f64)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $words
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (if (i32.eq (i32.load (local.get $stems)) (local.get $stem))
          (then (f32.store (local.get $out) (f32.const 1)))
          (else
            (local.set $sum (v128.const i32x4 0 0 0 0))
            (local.set $k (i32.const 0))
            (block $summed
              (loop $lanes
                (br_if $summed (i32.ge_u (local.get $k) (local.get $bytes)))
                (local.set $sum
                  (i32x4.add (local.get $sum)
                    (i32x4.dot_i16x8_s
                      (v128.load8x8_s (i32.add (local.get $query) (local.get $k)))
                      (v128.load8x8_s (i32.add (local.get $matrix) (local.get $k))))))
                (local.set $k (i32.add (local.get $k) (i32.const 8)))
                (br $lanes)))
            (local.set $dot
              (i32.add
                (i32.add (i32x4.extract_lane 0 (local.get $sum)) (i32x4.extract_lane 1 (local.get $sum)))
                (i32.add (i32x4.extract_lane 2 (local.get $sum)) (i32x4.extract_lane 3 (local.get $sum)))))
            (local.set $cosine
              (if (result f64) (i32.le_s (local.get $dot) (local.get $limit))
                (then (local.get $floor))
                (else (f64.div (f64.convert_i32_s (local.get $dot)) (local.get $scale)))))
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

  ;; views: the soft-match score of each of `n` views against the question (semantic.ts explains the score).
  ;; View v's distinct word ids are views[offsets[v] .. offsets[v+1]). The table holds, for each vocabulary
  ;; word, its similarities to the `count` question words followed by the best of them; `weights` is each
  ;; vocabulary word's rarity (float64), `terms` each question word's. With recall the question's weight
  ;; covered and precision the view's weight that relates to the question, the score is F-beta:
  ;;   (1 + beta2) * precision * recall / (beta2 * precision + recall),
  ;; 0 when the view is empty or `total` is 0. Same operations in the same order as the JavaScript, so the
  ;; scores are bit-identical (similarities are never negative or NaN, so f32x4.max is the JavaScript's
;; "if greater, replace"). `best` is scratch for `count` float32 values rounded up to a multiple of 4, and
;; the table is read up to 12 bytes past its end.
  (func (export "views")
    (param $table i32) (param $count i32) (param $weights i32) (param $terms i32) (param $total f64)
    (param $beta2 f64) (param $views i32) (param $offsets i32) (param $n i32) (param $best i32)
    (param $out i32)
    (local $stride i32) (local $v i32) (local $k i32) (local $end i32) (local $id i32) (local $at i32)
    (local $i i32) (local $weight f64) (local $precisionTotal f64) (local $precisionSum f64)
    (local $closest f32) (local $lane i32) (local $recallSum f64) (local $recall f64)
    (local $precision f64) (local $score f64) (local $low v128) (local $high v128) (local $few i32)
    (local.set $stride (i32.shl (i32.add (local.get $count) (i32.const 1)) (i32.const 2)))
    ;; Up to eight question words (nearly every question), the best similarities stay in two registers
    ;; instead of a store and a load of scratch memory per view word.
    (local.set $few (i32.le_u (local.get $count) (i32.const 8)))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $v) (local.get $n)))
        (local.set $k (i32.load (i32.add (local.get $offsets) (i32.shl (local.get $v) (i32.const 2)))))
        (local.set $end
          (i32.load (i32.add (local.get $offsets) (i32.shl (i32.add (local.get $v) (i32.const 1)) (i32.const 2)))))
        (local.set $score (f64.const 0))
        (if (i32.and (f64.ne (local.get $total) (f64.const 0)) (i32.lt_u (local.get $k) (local.get $end)))
          (then
            (local.set $i (i32.const 0))
            (block $zeroed
              (loop $zero
                (br_if $zeroed (i32.ge_u (local.get $i) (local.get $count)))
                (f32.store (i32.add (local.get $best) (i32.shl (local.get $i) (i32.const 2))) (f32.const 0))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $zero)))
            (local.set $low (v128.const f32x4 0 0 0 0))
            (local.set $high (v128.const f32x4 0 0 0 0))
            (local.set $precisionTotal (f64.const 0))
            (local.set $precisionSum (f64.const 0))
            (block $scanned
              (loop $words
                (br_if $scanned (i32.ge_u (local.get $k) (local.get $end)))
                (local.set $id (i32.load (i32.add (local.get $views) (i32.shl (local.get $k) (i32.const 2)))))
                (local.set $weight
                  (f64.load (i32.add (local.get $weights) (i32.shl (local.get $id) (i32.const 3)))))
                (local.set $precisionTotal (f64.add (local.get $precisionTotal) (local.get $weight)))
                (local.set $at (i32.add (local.get $table) (i32.mul (local.get $id) (local.get $stride))))
                (local.set $closest
                  (f32.load (i32.add (local.get $at) (i32.shl (local.get $count) (i32.const 2)))))
                ;; Most words of a view relate to no question word: their best, 0, is the only read.
                (if (f32.ne (local.get $closest) (f32.const 0))
                  (then
                    (local.set $precisionSum
                      (f64.add (local.get $precisionSum)
                        (f64.mul (local.get $weight) (f64.promote_f32 (local.get $closest)))))
                    ;; Four question words at a time; lanes past `count` hold the best column or the
                    ;; next word's values, and nothing reads them.
                    (if (local.get $few)
                      (then
                        (local.set $low (f32x4.max (local.get $low) (v128.load (local.get $at))))
                        (if (i32.gt_u (local.get $count) (i32.const 4))
                          (then
                            (local.set $high
                              (f32x4.max (local.get $high) (v128.load offset=16 (local.get $at)))))))
                      (else
                        (local.set $i (i32.const 0))
                        (block $compared
                          (loop $each_term
                            (br_if $compared (i32.ge_u (local.get $i) (local.get $count)))
                            (local.set $lane (i32.shl (local.get $i) (i32.const 2)))
                            (v128.store (i32.add (local.get $best) (local.get $lane))
                              (f32x4.max
                                (v128.load (i32.add (local.get $best) (local.get $lane)))
                                (v128.load (i32.add (local.get $at) (local.get $lane)))))
                            (local.set $i (i32.add (local.get $i) (i32.const 4)))
                            (br $each_term)))))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $words)))
            ;; The registers' lanes into `best`, which holds room for whole groups of four only.
            (if (local.get $few)
              (then
                (v128.store (local.get $best) (local.get $low))
                (if (i32.gt_u (local.get $count) (i32.const 4))
                  (then (v128.store offset=16 (local.get $best) (local.get $high))))))
            (local.set $recallSum (f64.const 0))
            (local.set $i (i32.const 0))
            (block $summed
              (loop $recalled
                (br_if $summed (i32.ge_u (local.get $i) (local.get $count)))
                (local.set $recallSum
                  (f64.add (local.get $recallSum)
                    (f64.mul
                      (f64.load (i32.add (local.get $terms) (i32.shl (local.get $i) (i32.const 3))))
                      (f64.promote_f32
                        (f32.load (i32.add (local.get $best) (i32.shl (local.get $i) (i32.const 2))))))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $recalled)))
            (local.set $recall (f64.div (local.get $recallSum) (local.get $total)))
            (local.set $precision
              (if (result f64) (f64.gt (local.get $precisionTotal) (f64.const 0))
                (then (f64.div (local.get $precisionSum) (local.get $precisionTotal)))
                (else (f64.const 0))))
            (if (f64.gt (f64.add (local.get $recall) (local.get $precision)) (f64.const 0))
              (then
                (local.set $score
                  (f64.div
                    (f64.mul
                      (f64.mul (f64.add (f64.const 1) (local.get $beta2)) (local.get $precision))
                      (local.get $recall))
                    (f64.add (f64.mul (local.get $beta2) (local.get $precision)) (local.get $recall))))))))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $v) (i32.const 3))) (local.get $score))
        (local.set $v (i32.add (local.get $v) (i32.const 1)))
        (br $each)))
  )

;; dots: the dot product of the float32 vector at `query` with each of `count` float32 vectors from `matrix`
;; onwards, `bytes` bytes each (a multiple of 16, zero-padded), four components a step, written as float64.
  (func (export "dots")
    (param $query i32) (param $matrix i32) (param $count i32) (param $bytes i32) (param $out i32)
    (local $end i32) (local $k i32) (local $sum v128)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 3))))
    (block $done
      (loop $vectors
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
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
        (f64.store (local.get $out)
          (f64.promote_f32
            (f32.add
              (f32.add (f32x4.extract_lane 0 (local.get $sum)) (f32x4.extract_lane 1 (local.get $sum)))
              (f32.add (f32x4.extract_lane 2 (local.get $sum)) (f32x4.extract_lane 3 (local.get $sum))))))
        (local.set $matrix (i32.add (local.get $matrix) (local.get $bytes)))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $vectors))))
)
