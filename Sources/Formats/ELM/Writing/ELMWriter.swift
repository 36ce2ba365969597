import MicrocredModel
import MicrocredPipeline
import XMLSupport

/// Writes credentials as `europassCredential` documents: built from the model, with the XML kept
/// from an `elm-xml` source merged back, and (with `--to-option xsd=FILE`) checked against the
/// schema, a violation rejecting the record.
///
/// A batch is one wrapper document, `<europassCredentials xmlns="http://data.europa.eu/snbUpload">`
/// (the EDC issuer's bulk-upload wrapper) holding one `europassCredential` per record; with
/// `--split`, each credential is a document of its own.
struct ELMWriter: RecordWriter {
    let concepts: ELMConcepts
    let schema: XMLSchema?
    let indent: Bool
    let header: [UInt8]
    let footer: [UInt8]
    var separator: [UInt8] { [] }
    var documentExtension: String { "xml" }

    init(context: FormatContext) throws(Diagnostic) {
        concepts = ELMConcepts(context.vocabularies)
        indent = try context.flag("indent", default: true)
        if let path = context.options["xsd"] {
            do {
                schema = try XMLSchema(contentsOf: path)
            } catch {
                var diagnostic = ELMReader.diagnostic(for: error, file: path)
                diagnostic.hint = diagnostic.hint ?? "give the path of genericschema_1.2.xsd with --to-option xsd=FILE"
                throw diagnostic
            }
        } else {
            schema = nil
        }
        do {
            let writer = try XMLStreamWriter()
            try writer.startDocument()
            try writer.startElement(ELMNamespace.wrapper, namespaceURI: ELMNamespace.upload)
            try writer.writeText("\n")
            header = try writer.takeBytes()
            footer = try writer.finish()
        } catch {
            throw Diagnostic.error(ELMCode.unencodable, "cannot write the wrapper element: \(error)")
        }
    }

    func encode(_ credential: Credential, standalone: Bool) throws(RecordRejection) -> EncodedRecord {
        var merger = ELMResidueMerger(credential)
        var builder = ELMDocumentBuilder(credential: credential, concepts: concepts, accreditationIDs: merger.accreditationIDs)
        let built = builder.build()
        let errors = builder.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw RecordRejection(errors) }
        // Only kept XML can bring in namespaces the root does not declare.
        let document = merger.isEmpty ? built : ELMNamespaceFixup.fixed(merger.merge(into: built))

        var bytes: [UInt8]
        do {
            bytes = try XMLTreeSerializer(indent: indent).serialize(document, declaration: standalone)
        } catch {
            throw RecordRejection([
                .error(ELMCode.unencodable, "the credential cannot be written as XML: \(error.issue.message)", hint: error.issue.hint)
            ])
        }
        if bytes.last != 0x0A { bytes.append(0x0A) }
        if let schema {
            let issues = schema.validate(bytes, documentName: builder.ids.credential)
            let violations = issues.filter { $0.severity == .error }
            if !violations.isEmpty {
                throw RecordRejection(
                    violations.map { issue in
                        Diagnostic(
                            code: issue.code, severity: .error,
                            message: "the document written is not valid against '\(schema.path)': \(issue.message)",
                            hint: "line \(issue.line.map(String.init) ?? "?") of the document written for \(builder.ids.credential)",
                            location: SourceLocation(field: "elm-xml"))
                    })
            }
        }
        return EncodedRecord(bytes: bytes, diagnostics: builder.diagnostics + merger.diagnostics)
    }
}
