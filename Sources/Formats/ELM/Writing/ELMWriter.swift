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
        var document = try merger.isEmpty ? written(credential, standalone: standalone) : merged(credential, with: &merger, standalone: standalone)
        if document.bytes.last != 0x0A { document.bytes.append(0x0A) }
        if let schema {
            let issues = schema.validate(document.bytes, documentName: document.credentialID)
            let violations = issues.filter { $0.severity == .error }
            if !violations.isEmpty {
                throw RecordRejection(
                    violations.map { issue in
                        Diagnostic(
                            code: issue.code, severity: .error,
                            message: "the document written is not valid against '\(schema.path)': \(issue.message)",
                            hint: "line \(issue.line.map(String.init) ?? "?") of the document written for \(document.credentialID)",
                            location: SourceLocation(field: "elm-xml"))
                    })
            }
        }
        // The merger reports kept XML it could not read even when nothing is left to merge.
        return EncodedRecord(bytes: document.bytes, diagnostics: document.diagnostics + merger.diagnostics)
    }

    /// A credential's document as written.
    private struct Document {
        var bytes: [UInt8]
        /// The `cred:id` of the credential.
        let credentialID: String
        /// The builder's diagnostics.
        let diagnostics: [Diagnostic]
    }

    /// The document of a credential with no kept XML: the builder writes the bytes, without a tree.
    /// Its names are the schema's, spelled in the builder's code, so the writer does not check
    /// them (`DirectWritingTests` writes them all through the checking serializer).
    private func written(_ credential: Credential, standalone: Bool) throws(RecordRejection) -> Document {
        var builder = ELMDocumentBuilder(
            credential: credential, concepts: concepts, output: XMLMarkupWriter(indent: indent, declaration: standalone, checksNames: false))
        builder.build()
        try Self.refuseErrors(in: builder.diagnostics)
        do {
            return Document(bytes: try builder.output.finish(), credentialID: builder.ids.credential, diagnostics: builder.diagnostics)
        } catch {
            throw Self.unencodable(error)
        }
    }

    /// The document of a credential with XML kept from an `elm-xml` source: the built tree with
    /// the kept XML merged into it.
    private func merged(_ credential: Credential, with merger: inout ELMResidueMerger, standalone: Bool) throws(RecordRejection) -> Document {
        var builder = ELMDocumentBuilder(
            credential: credential, concepts: concepts, accreditationIDs: merger.accreditationIDs, output: XMLTreeBuilder())
        let built = builder.buildTree()
        try Self.refuseErrors(in: builder.diagnostics)
        // Only kept XML can bring in namespaces the root does not declare.
        let document = ELMNamespaceFixup.fixed(merger.merge(into: built))
        do {
            return Document(
                bytes: try XMLTreeSerializer(indent: indent).serialize(document, declaration: standalone), credentialID: builder.ids.credential,
                diagnostics: builder.diagnostics)
        } catch {
            throw Self.unencodable(error)
        }
    }

    /// Rejects the record when the builder found an error.
    private static func refuseErrors(in diagnostics: [Diagnostic]) throws(RecordRejection) {
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw RecordRejection(errors) }
    }

    /// The rejection of a credential whose names or characters XML does not allow.
    private static func unencodable(_ error: XMLError) -> RecordRejection {
        RecordRejection([.error(ELMCode.unencodable, "the credential cannot be written as XML: \(error.issue.message)", hint: error.issue.hint)])
    }
}
