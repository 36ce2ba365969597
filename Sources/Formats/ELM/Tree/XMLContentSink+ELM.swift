import XMLSupport

/// Writing credential elements: the credential namespace is the default one, so its elements
/// carry no prefix, and their attributes are in no namespace.
extension XMLContentSink where Self: ~Copyable {
    /// Opens an element in the credential namespace.
    mutating func open(_ local: String) {
        startElement(local, namespaceURI: ELMNamespace.snb, prefix: nil)
    }

    /// Adds the unprefixed attribute `name` to the element just opened.
    mutating func attribute(_ name: String, _ value: String) {
        addAttribute(name, namespaceURI: nil, prefix: nil, value: value)
    }

    /// Adds `text` to the open element, unless it is empty (the element is then written `<a/>`).
    mutating func content(_ text: String) {
        if !text.isEmpty { addText(text) }
    }

    /// Closes the open element.
    mutating func close() {
        endElement()
    }

    /// An element in the credential namespace holding only `text`.
    mutating func element(_ local: String, text: String) {
        open(local)
        content(text)
        close()
    }

    /// An element in the credential namespace with one attribute, holding only `text`.
    mutating func element(_ local: String, _ name: String, _ value: String, text: String = "") {
        open(local)
        attribute(name, value)
        content(text)
        close()
    }

    /// An element in the `cred:` namespace holding only `text`.
    mutating func cred(_ local: String, text: String) {
        startElement(local, namespaceURI: ELMNamespace.cred, prefix: ELMNamespace.credPrefix)
        content(text)
        close()
    }

    /// An `IdReferenceType` element (`<x idref="…"/>`), in the credential namespace unless
    /// `namespace` says otherwise.
    mutating func reference(_ local: String, to id: String, namespace: String = ELMNamespace.snb) {
        startElement(local, namespaceURI: namespace, prefix: namespace == ELMNamespace.cred ? ELMNamespace.credPrefix : nil)
        attribute("idref", id)
        close()
    }
}
