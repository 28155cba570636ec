;; Counts the newline bytes (10) in memory[from, to): whole 16-byte vectors
;; with SIMD, in runs of at most 255 vectors (each of the 16 byte lanes counts
;; its run's matches up to 255), then the last bytes one at a time.
(module
  (memory (export "memory") 1)
  (func (export "countNewlines") (param $from i32) (param $to i32) (result i32)
    (local $count i32)
    (local $vectors i32)
    (local $stop i32)
    (local $lanes v128)
    (block $no_more_vectors
      (loop $run
        (local.set $vectors (i32.shr_u (i32.sub (local.get $to) (local.get $from)) (i32.const 4)))
        (br_if $no_more_vectors (i32.eqz (local.get $vectors)))
        (local.set $stop
          (i32.add (local.get $from)
            (i32.shl
              (select (i32.const 255) (local.get $vectors) (i32.gt_u (local.get $vectors) (i32.const 255)))
              (i32.const 4))))
        (local.set $lanes (v128.const i64x2 0 0))
        (loop $vector
          ;; a matching byte compares as -1: subtracting it adds one to its lane
          (local.set $lanes
            (i8x16.sub (local.get $lanes)
              (i8x16.eq (v128.load align=1 (local.get $from)) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))))
          (local.set $from (i32.add (local.get $from) (i32.const 16)))
          (br_if $vector (i32.lt_u (local.get $from) (local.get $stop))))
        (local.set $lanes (i32x4.extadd_pairwise_i16x8_u (i16x8.extadd_pairwise_i8x16_u (local.get $lanes))))
        (local.set $count
          (i32.add (local.get $count)
            (i32.add
              (i32.add (i32x4.extract_lane 0 (local.get $lanes)) (i32x4.extract_lane 1 (local.get $lanes)))
              (i32.add (i32x4.extract_lane 2 (local.get $lanes)) (i32x4.extract_lane 3 (local.get $lanes))))))
        (br $run)))
    (block $done
      (loop $byte
        (br_if $done (i32.ge_u (local.get $from) (local.get $to)))
        (local.set $count (i32.add (local.get $count) (i32.eq (i32.load8_u (local.get $from)) (i32.const 10))))
        (local.set $from (i32.add (local.get $from) (i32.const 1)))
        (br $byte)))
    (local.get $count)))
