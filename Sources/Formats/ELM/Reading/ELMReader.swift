import MicrocredModel
import MicrocredPipeline
import XMLSupport

/// Splits an `elm-xml` input into credentials: every `europassCredential` element, whether it is
/// the document's root or inside a wrapper (`europassCredentials`, a verifiable presentation),
/// streamed one at a time so memory holds one credential's recording.
///
/// Splitting is sequential and only records each credential (``XMLRecordedElement``); reading
/// the recording and mapping it to the model is ``ELMDecoder``'s work and runs in parallel, on the
/// thread that then frees it. When records are processed on several threads
/// (`FormatContext.parsesRecordsInDecoder`), the credentials of a wrapper are cut out of the
/// document before it is parsed (``XMLElementCutter``) and each is parsed by its decoder
/// (``ELMCutCredential``), so that parsing too runs in parallel: the records, diagnostics and
/// errors are the same. A document that is not well-formed, or is refused as hostile, ends the
/// input with the `xml.*` diagnostic and its line and column; the credentials before the problem
/// count.
final class ELMReader: RecordReader {
    private let source: ByteSource
    private let reader: XMLPullReader
    private let cutter: XMLElementCutter?
    private let decoder: ELMDecoder
    /// The elements enclosing the reader's position: name and namespace declarations.
    private var ancestors: [(name: ELMName, declarations: [XMLNamespaceDeclaration])] = [] {
        didSet {
            lastInherited = nil
            cutAncestors = nil
        }
    }
    /// The ancestors as the parser of a cut credential is given them, made once per place.
    private var cutAncestors: XMLCutElement.Ancestors?
    /// The prefixes the last credential declared, and the declarations it inherited from its
    /// ancestors for the others: the next credential with the same ancestors that declares the
    /// same prefixes (in a wrapper, every one) inherits the same.
    private var lastInherited: (declared: [String?], inherited: [XMLNamespaceDeclaration])?
    private var rootName: ELMName?
    private var count = 0
    private var warningsReported = 0
    private var notedEnvelope = false

    init(source: ByteSource, context: FormatContext) throws(Diagnostic) {
        self.source = source
        decoder = ELMDecoder(concepts: ELMConcepts(context.vocabularies), keepsUnmappedFields: context.keepsUnmappedFields)
        let cutter = context.parsesRecordsInDecoder ? XMLElementCutter(cutting: Self.credentialName) { try source.read() } : nil
        self.cutter = cutter
        do {
            reader = try XMLPullReader(documentName: source.name, knownNames: ELMNamespace.knownNames, treeRoot: Self.credentialName) {
                if let cutter { try cutter.next() } else { try source.read() }
            }
        } catch {
            throw Self.diagnostic(for: error, file: source.name)
        }
    }

    var bytesRead: Int { source.bytesRead }

    func next() throws(Diagnostic) -> SourceRecord? {
        do {
            while let event = try reader.next() {
                switch event.kind {
                case .startElement:
                    let name = ELMName(event.localName, namespace: event.namespaceURI)
                    if rootName == nil { rootName = name }
                    if name == ELMName(ELMNamespace.credential) {
                        return record(for: try reader.readRecordedElement())
                    }
                    ancestors.append((name, event.namespaceDeclarations))
                case .endElement:
                    if !ancestors.isEmpty { ancestors.removeLast() }
                default:
                    break
                }
            }
        } catch {
            throw Self.diagnostic(for: error, file: source.name)
        }
        if count == 0, let rootName, rootName.local != ELMNamespace.wrapper {
            throw Diagnostic(
                code: ELMCode.noCredentials, severity: .error,
                message: "'\(source.name)' holds no europassCredential element (its root is '\(rootName)')",
                hint: "elm-xml reads <europassCredential xmlns=\"\(ELMNamespace.snb)\">, alone or in a wrapper",
                location: SourceLocation(file: source.name))
        }
        return nil
    }

    private func record(for recording: XMLRecordedElement) -> SourceRecord {
        count += 1
        var recording = recording
        let declared = recording.namespaceDeclarations.map { $0.prefix }
        let inherited: [XMLNamespaceDeclaration]
        if let lastInherited, lastInherited.declared == declared {
            inherited = lastInherited.inherited
        } else {
            inherited = inheritedDeclarations(besides: Set(declared))
            lastInherited = (declared, inherited)
        }
        let cut: [UInt8]? = if case .cut(let bytes) = cutter?.takeOutcome() { bytes } else { nil }

        // The warnings from the end of the last credential to the end of this one (the parser may
        // have read further); for a cut credential, those before it: the warnings inside it are
        // found again when it is parsed.
        var problems: [Diagnostic] = []
        let start = (recording.line, recording.column)
        let end = reader.current.map { ($0.line, $0.column) } ?? (Int.max, Int.max)
        for issue in reader.warnings.dropFirst(warningsReported) {
            let position = (issue.line ?? 0, issue.column ?? 0)
            guard position <= end else { break }
            warningsReported += 1
            if cut == nil || position < start { problems.append(Self.warning(issue)) }
        }
        var notes: [Diagnostic] = []
        if !notedEnvelope, let envelope = ancestors.first(where: { $0.name.local == "verifiablePresentation" }) {
            notedEnvelope = true
            notes.append(
                .note(
                    ELMCode.presentationEnvelope,
                    "the credential is read out of a \(envelope.name.local); the presentation's own type, issuer and proof are not kept"))
        }
        let location = SourceLocation(file: source.name, line: recording.line, column: recording.column, record: count)
        guard let cut else {
            recording.namespaceDeclarations += inherited
            return SourceRecord(location: location, raw: .null, problems: problems + notes, decoder: decoder, payload: recording)
        }
        let scope = cutAncestors ?? XMLCutElement.Ancestors(declarations: ancestors.map(\.declarations))
        cutAncestors = scope
        let element = XMLCutElement(bytes: cut, documentName: source.name, line: recording.line, column: recording.column, ancestors: scope)
        return SourceRecord(
            location: location, raw: .null, problems: problems, decoder: decoder,
            payload: ELMCutCredential(element: element, inheritedDeclarations: inherited, notes: notes))
    }

    /// The name of the elements read as records.
    static let credentialName = XMLExpandedName(localName: ELMNamespace.credential, namespaceURI: ELMNamespace.snb)

    /// The diagnostic for a warning from the parser.
    static func warning(_ issue: XMLIssue) -> Diagnostic {
        Diagnostic(
            code: issue.code, severity: .warning, message: issue.message, hint: issue.hint,
            location: SourceLocation(line: issue.line, column: issue.column))
    }

    /// The namespace declarations in scope from the ancestors for the prefixes other than
    /// `declared`, by prefix.
    private func inheritedDeclarations(besides declared: Set<String?>) -> [XMLNamespaceDeclaration] {
        var inherited: [String?: XMLNamespaceDeclaration] = [:]
        for ancestor in ancestors {
            for declaration in ancestor.declarations { inherited[declaration.prefix] = declaration }
        }
        return inherited.filter { !declared.contains($0.key) }.values.sorted { ($0.prefix ?? "") < ($1.prefix ?? "") }
    }

    /// The diagnostic for an error that ends the input.
    static func diagnostic(for error: any Error, file: String) -> Diagnostic {
        switch error {
        case let error as Diagnostic:
            return error
        case let error as XMLError:
            return Diagnostic(
                code: error.issue.code, severity: .error, message: error.issue.message, hint: error.issue.hint,
                location: SourceLocation(file: file, line: error.issue.line, column: error.issue.column))
        case let error as InputError:
            return error.diagnostic
        default:
            return Diagnostic(
                code: XMLIssue.Code.unreadable, severity: .error, message: "cannot read '\(file)': \(error)",
                location: SourceLocation(file: file))
        }
    }
}
