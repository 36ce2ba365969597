import MicrocredModel

/// The ordered, single-threaded part of a run: batch checks, writing, rejecting, counting.
struct BatchState {
    var report: RunReport
    let output: OutputSession
    let rejects: RejectsWriter?
    let request: ConversionRequest
    /// The input that ended last with a failure: what comes after the failure from the same
    /// input (records read ahead, whose input turned out to end before them) is left out.
    var endedInput: Int?
    private let ids = DuplicateIDTracker()

    init(report: RunReport, output: OutputSession, rejects: RejectsWriter?, request: ConversionRequest) {
        self.report = report
        self.output = output
        self.rejects = rejects
        self.request = request
    }

    /// Writes or rejects one processed record, in input order.
    mutating func accept(_ processed: consuming ProcessedRecord) {
        var record = processed
        report.recordsRead += 1
        if record.isNormalised {
            report.recordElements(record.euElements)
            if !record.isRejected(rejectWarnings: request.rejectWarnings), !request.disabledRules.contains(DuplicateIDTracker.code),
                let id = record.credentialID, !ids.insert(id)
            {
                record.diagnostics.append(DuplicateIDTracker.duplicate(id).located(in: record.location))
            }
        }
        for diagnostic in record.diagnostics { report.record(diagnostic) }
        let rejected = record.isRejected(rejectWarnings: request.rejectWarnings) || (output.writer != nil && record.encoded == nil)
        do throws(OutputError) {
            if rejected {
                report.recordsRejected += 1
                let raw = record.raw
                report.recordRejection(
                    location: record.location, raw: raw, diagnostics: record.diagnostics, rejectWarnings: request.rejectWarnings)
                try rejects?.write(location: record.location, raw: raw, diagnostics: record.diagnostics)
                if let limit = request.maxRejects, report.recordsRejected > limit {
                    report.abortReason = .error(
                        "run.too-many-rejects", "more than \(limit) rejected record\(limit == 1 ? "" : "s"); the run stopped",
                        hint: "fix the most frequent problem in the report, or raise --max-rejects")
                }
            } else {
                if let bytes = record.encoded {
                    try output.write(bytes, id: record.credentialID, record: report.recordsRead)
                }
                report.recordsWritten += 1
            }
        } catch {
            report.abortReason = error.diagnostic
        }
    }

    /// Commits the outputs, or discards them when the run stopped early.
    mutating func finish() {
        do throws(OutputError) {
            if report.abortReason == nil {
                try output.commit()
            } else {
                output.discard()
            }
            try rejects?.commit()
        } catch {
            report.abortReason = error.diagnostic
        }
    }
}
