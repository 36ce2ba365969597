internal import CLibXML2

/// The namespace declarations libxml2 passes to `startElementNs`: two pointers each (prefix, or
/// `nil` for the default namespace, and namespace name), valid during the callback.
struct SAXNamespaces {
    /// The pointers; never `nil` when ``count`` is above 0.
    private let fields: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    init(fields: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int) {
        self.fields = fields
        self.count = fields == nil ? 0 : max(count, 0)
    }

    /// The declarations as values.
    func list(names: inout XMLNameCache) -> [XMLNamespaceDeclaration] {
        guard count > 0 else { return [] }
        let fields = fields.unsafelyUnwrapped
        return (0..<count).map { index in
            XMLNamespaceDeclaration(
                prefix: fields[2 * index].map { names.name($0) }, uri: fields[2 * index + 1].map { names.name($0) } ?? "")
        }
    }

    /// Records the declarations, in order, for the element `recorder` has just started inside the
    /// recorded element.
    func record(into recorder: inout XMLTreeRecorder, names: inout XMLNameCache) {
        guard count > 0 else { return }
        let fields = fields.unsafelyUnwrapped
        for index in 0..<count {
            let prefix = fields[2 * index].map { recorder.name(at: $0, cache: &names) } ?? -1
            let uri = fields[2 * index + 1].map { recorder.name(at: $0, cache: &names) } ?? recorder.name("")
            recorder.namespaceDeclaration(prefix: prefix, uri: uri)
        }
    }
}
