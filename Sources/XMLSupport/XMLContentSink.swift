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
    /// Adds the element `shared` holds, whole, inside the open element (a writer of bytes copies
    /// the bytes it was written as once).
    mutating func addShared(_ shared: XMLSharedElement)
    /// Whether ``addShared(_:)`` costs less than the calls that write the element part by part (a
    /// tree keeps the element, a writer of bytes copies them), so that code holding the parts
    /// should look up the shared element; otherwise it writes the parts.
    static var takesSharedElements: Bool { get }
}

extension XMLContentSink where Self: ~Copyable {
    public static var takesSharedElements: Bool { false }

    /// Adds the element `shared` holds, with ``addElement(_:)``.
    public mutating func addShared(_ shared: XMLSharedElement) {
        addElement(shared.element)
    }

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
