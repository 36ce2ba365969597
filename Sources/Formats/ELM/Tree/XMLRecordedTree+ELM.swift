import XMLSupport

/// Querying credentials as read, in the credential namespace.
extension XMLRecordedTree.Element {
    /// The child elements in the credential namespace named `local`.
    func children(_ local: String) -> [XMLRecordedTree.Element] {
        elements(named: local, namespaceURI: ELMNamespace.snb)
    }

    /// The first child element in the credential namespace named `local`.
    func child(_ local: String) -> XMLRecordedTree.Element? {
        firstElement(named: local, namespaceURI: ELMNamespace.snb)
    }

    /// The first child element in the `cred:` namespace named `local`.
    func credChild(_ local: String) -> XMLRecordedTree.Element? {
        firstElement(named: local, namespaceURI: ELMNamespace.cred)
    }

    /// The element's text with surrounding white space removed; `nil` when that leaves nothing.
    var trimmedText: String? {
        let value = text.trimmingWhitespace()
        return value.isEmpty ? nil : value
    }

    /// The value of the unprefixed attribute `local`, with surrounding white space removed.
    func trimmedAttribute(_ local: String) -> String? {
        attribute(local).map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
