import ArvioData

/// `where CONDITION`: keeps the rows where the condition is true (not false, not unknown).
struct Where: Verb {
    static let name = "where"
    var condition: Expression

    static func parse(_ parser: inout Parser, keyword: Token) throws(Diagnostic) -> Where {
        Where(condition: try parser.expression(expected: "a condition after \"where\", such as org == \"Tekevä\""))
    }

    func bind(_ input: BindInput) throws(Diagnostic) -> PlanNode {
        try input.node(.filter(condition), verb: self, reads: condition.columnNames, produces: [], keepsOtherColumns: true)
    }

    func apply(to frame: Frame, in context: EvaluationContext, keyword: Token) throws(Diagnostic) -> Frame {
        var evaluator = ExpressionEvaluator(frame: frame, context: context)
        let truth = try evaluator.condition(condition, verb: "where")
        let kept = try Self.selection(truth, rows: frame.rows, context: context, at: keyword.position)
        var next = frame
        next.rows = kept
        next.notes += evaluator.notes
        return next
    }

    /// The rows (of the frame's table) where `truth` is yes, in order: a selection vector. The
    /// rows are counted first, so the vector is allocated at its size, then written without a
    /// branch per row; long vectors are split between the cores.
    static func selection(_ truth: [Truth], rows: [Int]?, context: EvaluationContext,
                          at position: SourcePosition) throws(Diagnostic) -> [Int] {
        let poll = CancelPoll(context)
        try poll.check(at: position)
        let parts = Parallel.ranges(truth.count)
        let counts = truth.withUnsafeBufferPointer { t in
            Parallel.map(parts.count) { k -> (n: Int, last: Int) in
                var n = 0
                var last = parts[k].lowerBound - 1
                poll.blocks(parts[k]) { block in
                    for i in block {
                        let yes = t[i] == .yes
                        n &+= yes ? 1 : 0
                        last = yes ? i : last
                    }
                }
                return (n, last)
            }
        }
        try poll.check(at: position)
        var offsets = [0]
        for (n, _) in counts { offsets.append(offsets[offsets.count - 1] + n) }
        let total = offsets[offsets.count - 1]
        // A stopped pass leaves plain integers unwritten; the check below throws the vector away.
        let kept = [Int](unsafeUninitializedCapacity: total) { out, initialized in
            let base = UncheckedBox(out.baseAddress)
            truth.withUnsafeBufferPointer { t in
                Parallel.forEach(parts.count) { k in
                    // Up to the part's last kept row, every write lands inside the part's share.
                    guard let out = base.value?.advanced(by: offsets[k]), counts[k].n > 0 else { return }
                    var count = 0
                    let part = parts[k].lowerBound...counts[k].last
                    if let rows {
                        rows.withUnsafeBufferPointer { rows in
                            poll.blocks(part.lowerBound..<part.upperBound + 1) { block in
                                for i in block {
                                    out[count] = rows[i]
                                    count &+= t[i] == .yes ? 1 : 0
                                }
                            }
                        }
                    } else {
                        poll.blocks(part.lowerBound..<part.upperBound + 1) { block in
                            for i in block {
                                out[count] = i
                                count &+= t[i] == .yes ? 1 : 0
                            }
                        }
                    }
                }
            }
            initialized = total
        }
        try poll.check(at: position)
        return kept
    }
}
