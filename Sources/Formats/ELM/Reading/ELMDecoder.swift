import MicrocredModel
import MicrocredPipeline
import XMLSupport

/// Maps one `europassCredential` tree to the model: repairs known problems, checks `idref`s,
/// maps what the model holds, and keeps the rest as unmapped fields. Pure and thread-safe.
struct ELMDecoder: RecordDecoder {
    let concepts: ELMConcepts
    /// Whether the unmapped fields are worked out: writing the document the writer would write
    /// and comparing it with the source takes nearly a third of decoding.
    var keepsUnmappedFields = true

    func decode(_ record: SourceRecord) -> DecodedRecord {
        guard let recording = record.payload as? XMLRecordedElement else {
            return DecodedRecord(credential: nil, diagnostics: [.error(ELMCode.noCredentials, "the record holds no credential element")])
        }
        return decode(recording)
    }

    /// The credential element as written (the namespaces it uses declared on it).
    func raw(of record: SourceRecord) -> JSONValue {
        guard let recording = record.payload as? XMLRecordedElement else { return record.raw }
        do {
            return .string(String(decoding: try XMLTreeSerializer().serialize(recording.element()), as: UTF8.self))
        } catch {
            return .string("(the element cannot be written back: \(error))")
        }
    }

    /// Decodes a credential element.
    func decode(_ element: XMLElement) -> DecodedRecord {
        decode(XMLRecordedElement(recording: element))
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
        var credential = mapper.map(root)
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
        // spares building it, and a credential that differs is compared in full.
        var check = ELMDocumentBuilder(
            credential: credential, concepts: concepts, accreditationIDs: accreditations,
            output: ELMEquivalenceSink(source: root, skipping: mapper.consumed))
        check.build()
        if check.output.isEquivalent { return DecodedRecord(credential: credential, diagnostics: diagnostics) }
        var builder = ELMDocumentBuilder(credential: credential, concepts: concepts, accreditationIDs: accreditations, output: XMLTreeBuilder())
        let built = builder.buildTree()
        var source = tree.recording.element()
        if !mapper.consumed.isEmpty {
            let consumed = mapper.consumed.map { $0.element() }
            source.children.removeAll { child in
                if case .element(let element) = child { consumed.contains(element) } else { false }
            }
        }
        credential.unmapped = ELMResidueExtractor.residues(source: source, built: built)
        return DecodedRecord(credential: credential, diagnostics: diagnostics)
    }
}
