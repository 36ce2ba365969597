import Foundation
import MicrocredModel

/// Runs a batch: read → decode → normalise → validate → write or reject, record by record, with
/// memory flat in the size of the input.
///
/// 1. Each input is opened and its format chosen (explicit, extension, sniffing).
/// 2. Its reader splits it into records; groups of records (spanning inputs when they are small)
///    are decoded, normalised, validated and encoded on up to `jobs` threads, while the next group
///    is read and the ones before written. The reading thread is one of them: a pool of `jobs - 1`
///    threads processes the groups, and the reading thread joins it whenever it is ahead and would
///    otherwise wait, so that a run keeps `jobs` cores busy, not more. Where reading is most of
///    the work (XML), the pool keeps up with the reading thread, which then never waits or helps.
/// 3. In input order, each record is checked against the batch (duplicate ids) and then written, or
///    rejected with all its diagnostics.
/// 4. Outputs are committed atomically at the end; the report accounts for every record.
///
/// The runner never prints or exits; the caller renders the report.
public struct ConversionRunner {
    /// Records read, processed and written together with `jobs` threads.
    ///
    /// With several jobs each group's records are shared among the pool's threads, and a large
    /// group spreads the cost of handing them over. With one job a group is processed as soon as
    /// it is read: a small one keeps a record's memory in the processor's cache from reading to
    /// writing (a group of 64 ELM records outgrows it), yet spreads the cost of a group.
    public static func groupSize(jobs: Int) -> Int { jobs > 1 ? 64 : 8 }

    /// From how many jobs on records are parsed by their decoders (see
    /// ``FormatContext/parsesRecordsInDecoder``). Parsing a wrapper's Europass credentials apart
    /// costs about 12% more instructions in all (the reading thread still cuts them out and reads
    /// the wrapper, and each credential's parse starts afresh), and more time than that where
    /// threads share cores; it pays once the threads can run several parses at once. Reading a
    /// credential then costs the reading thread about 60k instructions instead of about 400k.
    public static let jobsParsingInDecoders = 4

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
            rejects = try request.rejectsPath.map { path throws(OutputError) in RejectsWriter(sink: try OutputFile.sink(path: path)) }
        } catch {
            output.discard()
            throw error.diagnostic
        }
        let targetRules = output.format?.writeRules ?? []
        var readContext = request.readContext
        // Only a writer reads the unmapped fields; a validation run spares the decoders finding them.
        readContext.keepsUnmappedFields = readContext.keepsUnmappedFields && output.writer != nil
        readContext.parsesRecordsInDecoder = request.jobs >= Self.jobsParsingInDecoders
        let processor = RecordProcessor(
            stages: request.stages, rules: request.profile.rules + targetRules,
            context: StageContext(format: readContext, targetFormat: request.target?.format),
            rejectWarnings: request.rejectWarnings, disabledCodes: request.disabledRules, enabledCodes: request.enabledRules)
        var state = BatchState(report: report, output: output, rejects: rejects, request: request)

        let standalone = output.isSplit
        let writer = output.writer
        let process: @Sendable (SourceRecord) -> ProcessedRecord = {
            processor.process($0, writer: writer, standalone: standalone, keepsModels: false)
        }
        var items: [BatchItem] = []
        var recordCount = 0
        let groupSize = Self.groupSize(jobs: request.jobs)
        let pool = request.jobs > 1 ? WorkerPool(threads: request.jobs - 1) : nil
        defer { pool?.finish() }
        var inFlight = InFlightGroups(isParallel: pool != nil)
        /// Bytes read from the inputs before the current one, and from all of them.
        var bytesOfFinishedInputs = 0
        var bytesRead = 0
        /// Starts processing the items gathered so far, then writes the groups before them that
        /// the in-flight rule lets go.
        func dispatch() {
            if !items.isEmpty { inFlight.append(ProcessingGroup(items, pool: pool, process: process), inputRead: bytesRead) }
            items = []
            recordCount = 0
            while state.report.abortReason == nil, let group = inFlight.takeOverflow(inputRead: bytesRead) {
                accept(group, into: &state, progress: progress)
            }
        }

        inputs: for (ordinal, input) in request.inputs.enumerated() {
            do throws(Diagnostic) {
                let (format, reader) = try registry.openReader(for: input, explicitFormat: request.sourceFormat, context: readContext)
                state.report.sourceFormats.insert(format.id)
                defer { bytesOfFinishedInputs += reader.bytesRead }
                while var record = try reader.next() {
                    if record.location.file == nil { record.location.file = input.name }
                    items.append(.record(record, input: ordinal))
                    recordCount += 1
                    if recordCount == groupSize {
                        bytesRead = bytesOfFinishedInputs + reader.bytesRead
                        dispatch()
                        if state.report.abortReason != nil { break inputs }
                        if state.endedInput == ordinal { continue inputs }
                    }
                }
            } catch {
                items.append(.inputFailure(error.located(in: SourceLocation(file: input.name)), input: ordinal))
            }
        }
        bytesRead = bytesOfFinishedInputs
        dispatch()
        for group in inFlight.takeAll() {
            if state.report.abortReason == nil {
                accept(group, into: &state, progress: progress)
            } else {
                group.takeOutcomes(record: { _, _ in }, inputFailure: { _, _ in })
            }
        }
        state.finish()
        return state.report
    }

    /// Writes or rejects the records of `group` in order, and records its input failures, stopping
    /// when the run is aborted.
    private func accept(_ group: ProcessingGroup, into state: inout BatchState, progress: ((RunProgress) -> Void)?) {
        var currentInput: String?
        func fail(_ failure: Diagnostic, input: Int) {
            currentInput = failure.location.file
            state.report.inputFailures.append(failure)
            state.report.record(failure)
            state.endedInput = input
        }
        group.takeOutcomes(
            record: { record, input in
                guard state.report.abortReason == nil, state.endedInput != input else { return }
                if let failure = record.inputFailure { return fail(failure, input: input) }
                currentInput = record.location.file
                state.accept(consume record)
            },
            inputFailure: { failure, input in
                guard state.report.abortReason == nil, state.endedInput != input else { return }
                fail(failure, input: input)
            })
        progress?(
            RunProgress(
                recordsRead: state.report.recordsRead, recordsWritten: state.report.recordsWritten,
                recordsRejected: state.report.recordsRejected, currentInput: currentInput ?? ""))
    }
}
