public import Foundation
public import MicrocredModel

/// Runs a batch: read → decode → normalise → validate → write or reject, record by record, with
/// memory flat in the size of the input.
///
/// 1. Each input is opened and its format chosen (explicit, extension, sniffing).
/// 2. Its reader splits it into records; groups of records are decoded, normalised, validated and
///    encoded on up to `jobs` threads.
/// 3. In input order, each record is checked against the batch (duplicate ids) and then written, or
///    rejected with all its diagnostics.
/// 4. Outputs are committed atomically at the end; the report accounts for every record.
///
/// The runner never prints or exits; the caller renders the report.
public struct ConversionRunner {
    /// Records processed together; with several jobs each group is shared among them.
    public static let groupSize = 512

    public let registry: FormatRegistry

    public init(registry: FormatRegistry) {
        self.registry = registry
    }

    /// Runs `request`.
    /// - Parameters:
    ///   - standardOutput: where ``OutputDestination/standardOutput`` writes.
    ///   - progress: called after each group of records.
    /// - Returns: the report; a run that stopped early says why in ``RunReport/abortReason``.
    /// - Throws: ``Diagnostic`` when the run cannot start (unknown or unwritable format, a writer
    ///   whose options are wrong, an output that cannot be created).
    public func run(
        _ request: ConversionRequest, standardOutput: any ByteSink, progress: ((RunProgress) -> Void)? = nil
    ) throws(Diagnostic) -> RunReport {
        var report = RunReport(targetFormat: request.target?.format, profile: request.profile.name)
        report.inputs = request.inputs.count
        report.requiredElements = request.profile.requiredElements
        let output = try OutputSession(target: request.target, registry: registry, standardOutput: standardOutput)
        let rejects: RejectsWriter?
        do {
            rejects = try request.rejectsPath.map { path throws(OutputError) in RejectsWriter(sink: try AtomicFileSink(path: path)) }
        } catch {
            output.discard()
            throw error.diagnostic
        }
        let targetRules = output.format?.writeRules ?? []
        let processor = RecordProcessor(
            stages: request.stages, rules: request.profile.rules + targetRules,
            context: StageContext(format: request.readContext, targetFormat: request.target?.format),
            rejectWarnings: request.rejectWarnings, disabledCodes: request.disabledRules, enabledCodes: request.enabledRules)
        var state = BatchState(report: report, output: output, rejects: rejects, request: request)

        for input in request.inputs {
            guard state.report.abortReason == nil else { break }
            do throws(Diagnostic) {
                try runInput(input, request: request, processor: processor, state: &state, progress: progress)
            } catch {
                state.report.inputFailures.append(error.located(in: SourceLocation(file: input.name)))
                state.report.record(error.located(in: SourceLocation(file: input.name)))
            }
        }
        state.finish()
        return state.report
    }

    private func runInput(
        _ input: InputSource, request: ConversionRequest, processor: RecordProcessor, state: inout BatchState,
        progress: ((RunProgress) -> Void)?
    ) throws(Diagnostic) {
        let (format, reader) = try registry.openReader(for: input, explicitFormat: request.sourceFormat, context: request.readContext)
        state.report.sourceFormats.insert(format.id)
        let standalone = state.output.isSplit
        let writer = state.output.writer
        while state.report.abortReason == nil {
            var group: [SourceRecord] = []
            group.reserveCapacity(Self.groupSize)
            var readFailure: Diagnostic?
            while group.count < Self.groupSize {
                do {
                    guard var record = try reader.next() else { break }
                    if record.location.file == nil { record.location.file = input.name }
                    group.append(record)
                } catch {
                    readFailure = error
                    break
                }
            }
            if group.isEmpty, readFailure == nil { break }
            let processed = parallelMap(group, jobs: request.jobs) { processor.process($0, writer: writer, standalone: standalone) }
            for record in processed {
                state.accept(record)
                if state.report.abortReason != nil { break }
            }
            progress?(
                RunProgress(
                    recordsRead: state.report.recordsRead, recordsWritten: state.report.recordsWritten,
                    recordsRejected: state.report.recordsRejected, currentInput: input.name))
            if let readFailure { throw readFailure }
            if group.count < Self.groupSize { break }
        }
    }
}
