import MicrocredPipeline
import XMLSupport

/// A credential the reader cut out of its document for the decoder to parse, on the thread that
/// decodes it (see `FormatContext.parsesRecordsInDecoder`), with what reading it needs from the
/// document around it.
struct ELMCutCredential: Sendable {
    var element: XMLCutElement
    /// The namespace declarations in scope from the credential's ancestors, for the prefixes it
    /// does not declare itself.
    var inheritedDeclarations: [XMLNamespaceDeclaration]
    /// What the reader notes about the credential's place in the document; reported after the
    /// warnings from inside the credential, as the reader reports them for a credential it parses.
    var notes: [Diagnostic]

    /// The credential's recording, as the reader would have made it, and the warnings from inside it.
    /// - Parameter reader: The reader of credentials cut out of their documents (``ELMDecoder/cutCredentials``).
    /// - Throws: The error that ends the document at this credential, as the reader would have
    ///   thrown it (``ELMReader/diagnostic(for:file:)``).
    func record(with reader: XMLCutElementReader) throws(Diagnostic) -> (recording: XMLRecordedElement, warnings: [Diagnostic]) {
        do {
            var (recording, warnings) = try reader.record(element)
            recording.namespaceDeclarations += inheritedDeclarations
            return (recording, warnings.map(ELMReader.warning))
        } catch {
            throw ELMReader.diagnostic(for: error, file: element.documentName)
        }
    }
}
