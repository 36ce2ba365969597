import MicrocredModel
import MicrocredPipeline
import XMLSupport

/// Maps one `europassCredential` tree to the model: repairs known problems, checks `idref`s,
/// maps what the model holds, and keeps the rest as unmapped fields. Pure and thread-safe.
struct ELMDecoder: RecordDecoder {
    let concepts: ELMConcepts
    /// Whether the unmapped fields are worked out: writing the document the writer would write
    /// and comparing it with the source takes nearly half of decoding.
    var keepsUnmappedFields = true
    /// Reads the credentials the reader cut out of their document (``ELMCutCredential``).
    let cutCredentials = XMLCutElementReader(knownNames: ELMNamespace.knownNames, treeRoot: ELMReader.credentialName)

    func decode(_ record: SourceRecord) -> DecodedRecord {
        if let cut = record.payload as? ELMCutCredential {
            do throws(Diagnostic) {
                let (recording, warnings) = try cut.record(with: cutCredentials)
                var decoded = decode(recording)
                decoded.diagnostics = warnings + cut.notes + decoded.diagnostics
                decoded.parsedPayload = recording
                return decoded
            } catch {
                return DecodedRecord(inputFailure: error)
            }
        }
        guard let recording = record.payload as? XMLRecordedElement else {
            return DecodedRecord(credential: nil, diagnostics: [.error(ELMCode.noCredentials, "the record holds no credential element")])
        }
        return decode(recording)
    }

    /// The credential element as written (the namespaces it uses declared on it). A cut credential
    /// is parsed again here; the runner spares that by putting the recording in its place
    /// (`DecodedRecord.parsedPayload`), but other callers may ask first.
    func raw(of record: SourceRecord) -> JSONValue {
        do {
            let recording: XMLRecordedElement
            switch record.payload {
            case let recorded as XMLRecordedElement: recording = recorded
            case let cut as ELMCutCredential: recording = try cut.record(with: cutCredentials).recording
            default: return record.raw
            }
            return .string(String(decoding: try XMLTreeSerializer().serialize(recording.element()), as: UTF8.self))
        } catch {
            return .string("(the element cannot be written back: \(error))")
        }
    }

    /// Decodes a recorded credential element, reading it in place; only a credential to repair,
    /// or one that holds more than the model, is built as a tree.
    func decode(_ recording: XMLRecordedElement) -> DecodedRecord {
        var tree = XMLRecordedTree(recording)
        var repair = ELMSourceRepair()
        var survey = ELMTreeSurvey(tree)
        if ELMSourceRepair.needsRepair(tree.root, survey: survey) {
            var repaired = recording.element()
            repair.repair(&repaired)
            tree = XMLRecordedTree(XMLRecordedElement(recording: repaired))
            survey = ELMTreeSurvey(tree)
        }
        let root = tree.root
        var mapper = ELMCredentialMapper(concepts: concepts, index: survey.index)
        var credential = Credential()
        mapper.map(root, into: &credential)
        if survey.hasInvalidContactPoint { mapper.reportInvalidContactPoints(in: root) }
        let unresolved = survey.hasUnresolvedReference ? survey.index.unresolvedReferences(in: root) : []
        let diagnostics = repair.diagnostics + unresolved + mapper.diagnostics
        guard keepsUnmappedFields else { return DecodedRecord(credential: credential, diagnostics: diagnostics) }

        var accreditations: Set<String> = []
        for list in root.children("accreditationReferences") {
            for accreditation in list.children("accreditation") {
                if let id = accreditation.attribute("id") { accreditations.insert(id) }
            }
        }
        // Most credentials are written back as read: checking that as the document is written
        // spares building it, and a credential that differs is compared in full. (The credential
        // is lent to the check and handed back, not copied.)
        var check = ELMDocumentBuilder(
            credential: consume credential, concepts: concepts, accreditationIDs: accreditations,
            output: XMLEquivalenceSink(source: root, skipping: mapper.consumed))
        check.build()
        let isEquivalent = check.output.isEquivalent
        credential = check.finish()
        if isEquivalent {
            // What the shortcut stands for, checked in debug builds (every test that reads a
            // credential): the full comparison finds nothing to keep either.
            assert(ELMTreeEquivalence.equivalent(Self.source(root, leavingOut: mapper.consumed), built(credential, accreditations)))
            return DecodedRecord(credential: credential, diagnostics: diagnostics)
        }
        let built = built(credential, accreditations)
        credential.unmapped = ELMResidueExtractor.residues(source: Self.source(root, leavingOut: mapper.consumed), built: built)
        return DecodedRecord(credential: credential, diagnostics: diagnostics)
    }

    /// The tree the writer builds for `credential`.
    private func built(_ credential: Credential, _ accreditations: Set<String>) -> XMLElement {
        var builder = ELMDocumentBuilder(credential: credential, concepts: concepts, accreditationIDs: accreditations, output: XMLTreeBuilder())
        return builder.buildTree()
    }

    /// The tree of `root` without its children in `consumed` (taken out by position, not by
    /// value: an equal sibling stays).
    private static func source(_ root: XMLRecordedTree.Element, leavingOut consumed: [XMLRecordedTree.Element]) -> XMLElement {
        var source = root.element()
        guard !consumed.isEmpty else { return source }
        source.children = zip(source.children, root.children).compactMap { child, recorded in
            if case .element(let element) = recorded, consumed.contains(element) { nil } else { child }
        }
        return source
    }
}
