/// Receives an element tree as it is written, in document order: each element's start, its
/// namespace declarations, its attributes, its content, then its end (a call out of that order
/// is a programming error, and stops the program).
///
/// Code that produces XML writes it once, against this protocol, and gets a tree
/// (``XMLTreeBuilder``) or bytes (``XMLMarkupWriter``) from the same calls.
public protocol XMLContentSink: ~Copyable {
    /// Opens an element inside the open one (or at the top).
    mutating func startElement(_ localName: String, namespaceURI: String?, prefix: String?)
    /// Declares a namespace on the element just opened, before its attributes.
    mutating func declareNamespace(prefix: String?, uri: String)
    /// Adds an attribute to the element just opened, before its content.
    mutating func addAttribute(_ localName: String, namespaceURI: String?, prefix: String?, value: String)
    /// Adds character data to the open element.
    mutating func addText(_ text: String)
    /// Closes the open element.
    mutating func endElement()
    /// Adds `element`, whole, inside the open element.
    mutating func addElement(_ element: XMLElement)
    /// Whether ``addElement(_:)`` keeps the element as it is given, so that adding one element
    /// value many times costs one reference count each (a tree does; a writer of bytes walks it).
    static var keepsAddedElements: Bool { get }
}

extension XMLContentSink where Self: ~Copyable {
    public static var keepsAddedElements: Bool { false }

    /// Adds `element` as its start, namespace declarations, attributes, children and end.
    public mutating func addElement(_ element: XMLElement) {
        startElement(element.localName, namespaceURI: element.namespaceURI, prefix: element.prefix)
        for declaration in element.namespaceDeclarations {
            declareNamespace(prefix: declaration.prefix, uri: declaration.uri)
        }
        // By index: each field is read where it stands, without copying the attribute.
        let attributes = element.attributes
        for index in attributes.indices {
            addAttribute(
                attributes[index].localName, namespaceURI: attributes[index].namespaceURI, prefix: attributes[index].prefix,
                value: attributes[index].value)
        }
        for child in element.children {
            switch child {
            case .element(let inner): addElement(inner)
            case .text(let text): addText(text)
            }
        }
        endElement()
    }
}
