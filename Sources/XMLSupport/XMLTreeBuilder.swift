/// Builds ``XMLElement`` trees from the calls of an ``XMLContentSink``.
///
/// An element added whole is kept as it is (shared, not copied).
public struct XMLTreeBuilder: XMLContentSink {
    /// The elements opened and not yet closed, outermost first.
    private var open: [XMLElement.Fields] = []
    /// The elements closed at the top, in order.
    public private(set) var elements: [XMLElement] = []

    /// Creates a builder holding nothing.
    public init() {}

    public mutating func startElement(_ localName: String, namespaceURI: String?, prefix: String?) {
        open.append(
            XMLElement.Fields(
                localName: localName, namespaceURI: namespaceURI, prefix: prefix, attributes: [], namespaceDeclarations: [],
                children: [], line: 0, column: 0))
    }

    public mutating func declareNamespace(prefix: String?, uri: String) {
        precondition(open.last?.children.isEmpty == true, "a namespace declared outside an element's start")
        open[open.count - 1].namespaceDeclarations.append(XMLNamespaceDeclaration(prefix: prefix, uri: uri))
    }

    public mutating func addAttribute(_ localName: String, namespaceURI: String?, prefix: String?, value: String) {
        precondition(open.last?.children.isEmpty == true, "an attribute outside an element's start")
        open[open.count - 1].attributes.append(XMLAttribute(localName: localName, namespaceURI: namespaceURI, prefix: prefix, value: value))
    }

    public mutating func addText(_ text: String) {
        precondition(!open.isEmpty, "text outside any element")
        open[open.count - 1].children.append(.text(text))
    }

    public mutating func endElement() {
        guard let fields = open.popLast() else { preconditionFailure("an element closed that was not opened") }
        add(XMLElement(fields))
    }

    public mutating func addElement(_ element: XMLElement) {
        add(element)
    }

    public static var takesSharedElements: Bool { true }

    private mutating func add(_ element: XMLElement) {
        if open.isEmpty {
            elements.append(element)
        } else {
            open[open.count - 1].children.append(.element(element))
        }
    }
}
