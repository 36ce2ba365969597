/// An element and everything inside it, as a small tree of values.
///
/// ``XMLPullReader/readElement()`` builds one from the document; ``XMLStreamWriter/write(_:)``
/// writes one back. Comments and processing instructions inside the element are not kept; CDATA
/// sections become text. The tree owns its strings and holds no libxml2 memory.
///
/// Foundation on Apple platforms also has a class named `XMLElement`; where both modules are
/// imported, write `XMLSupport.XMLElement`.
public struct XMLElement: Hashable, Sendable {
    /// One child of an element.
    public enum Child: Hashable, Sendable {
        /// A child element.
        case element(XMLElement)
        /// A run of character data, white space included.
        case text(String)
    }

    /// The fields, in one shared box: copying an element (which reading, mapping and comparing
    /// trees do all the time) then costs one reference count instead of one per field. A box is
    /// only changed while no other element shares it.
    private final class Storage: @unchecked Sendable {
        var localName: String
        var namespaceURI: String?
        var prefix: String?
        var attributes: [XMLAttribute]
        var namespaceDeclarations: [XMLNamespaceDeclaration]
        var children: [Child]
        var line: Int
        var column: Int

        init(
            localName: String, namespaceURI: String?, prefix: String?, attributes: [XMLAttribute],
            namespaceDeclarations: [XMLNamespaceDeclaration], children: [Child], line: Int, column: Int
        ) {
            self.localName = localName
            self.namespaceURI = namespaceURI
            self.prefix = prefix
            self.attributes = attributes
            self.namespaceDeclarations = namespaceDeclarations
            self.children = children
            self.line = line
            self.column = column
        }

        func copy() -> Storage {
            Storage(
                localName: localName, namespaceURI: namespaceURI, prefix: prefix, attributes: attributes,
                namespaceDeclarations: namespaceDeclarations, children: children, line: line, column: column)
        }
    }

    private var storage: Storage

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// The local name (`europassCredential`).
    public var localName: String {
        get { storage.localName }
        _modify {
            makeUnique()
            yield &storage.localName
        }
    }
    /// The namespace name, or `nil` when the element is in no namespace.
    public var namespaceURI: String? {
        get { storage.namespaceURI }
        _modify {
            makeUnique()
            yield &storage.namespaceURI
        }
    }
    /// The prefix as written, or `nil`.
    public var prefix: String? {
        get { storage.prefix }
        _modify {
            makeUnique()
            yield &storage.prefix
        }
    }
    /// The attributes, in document order, without namespace declarations.
    public var attributes: [XMLAttribute] {
        get { storage.attributes }
        _modify {
            makeUnique()
            yield &storage.attributes
        }
    }
    /// The namespace declarations written on this element, in document order.
    public var namespaceDeclarations: [XMLNamespaceDeclaration] {
        get { storage.namespaceDeclarations }
        _modify {
            makeUnique()
            yield &storage.namespaceDeclarations
        }
    }
    /// The children, in document order.
    public var children: [Child] {
        get { storage.children }
        _modify {
            makeUnique()
            yield &storage.children
        }
    }
    /// The 1-based line of the start tag's `<`, or 0 for an element built in code.
    public var line: Int {
        get { storage.line }
        _modify {
            makeUnique()
            yield &storage.line
        }
    }
    /// The 1-based column of the start tag's `<`, or 0 for an element built in code.
    public var column: Int {
        get { storage.column }
        _modify {
            makeUnique()
            yield &storage.column
        }
    }

    /// Creates an element.
    /// - Parameters:
    ///   - localName: The local name.
    ///   - namespaceURI: The namespace name, or `nil`.
    ///   - prefix: The prefix to write, or `nil`.
    ///   - attributes: The attributes.
    ///   - namespaceDeclarations: Namespace declarations to write on the element.
    ///   - children: The children.
    ///   - line: The line of the start tag, or 0.
    ///   - column: The column of the start tag, or 0.
    public init(
        localName: String, namespaceURI: String? = nil, prefix: String? = nil, attributes: [XMLAttribute] = [],
        namespaceDeclarations: [XMLNamespaceDeclaration] = [], children: [Child] = [], line: Int = 0, column: Int = 0
    ) {
        storage = Storage(
            localName: localName, namespaceURI: namespaceURI, prefix: prefix, attributes: attributes,
            namespaceDeclarations: namespaceDeclarations, children: children, line: line, column: column)
    }

    public static func == (lhs: XMLElement, rhs: XMLElement) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.localName == rhs.localName && lhs.namespaceURI == rhs.namespaceURI && lhs.prefix == rhs.prefix
                && lhs.attributes == rhs.attributes && lhs.namespaceDeclarations == rhs.namespaceDeclarations
                && lhs.children == rhs.children && lhs.line == rhs.line && lhs.column == rhs.column)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(localName)
        hasher.combine(namespaceURI)
        hasher.combine(prefix)
        hasher.combine(attributes)
        hasher.combine(namespaceDeclarations)
        hasher.combine(children)
        hasher.combine(line)
        hasher.combine(column)
    }

    /// `prefix:localName`, or the local name alone.
    public var qualifiedName: String { prefix.map { "\($0):\(localName)" } ?? localName }

    /// The child elements, in document order.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The direct text children joined (white space kept); empty when there is none.
    public var text: String {
        children.reduce(into: "") { if case .text(let text) = $1 { $0 += text } }
    }

    /// The value of the attribute `localName` in namespace `namespaceURI` (`nil`: no namespace).
    public func attribute(_ localName: String, namespaceURI: String? = nil) -> String? {
        attributes.first { $0.localName == localName && $0.namespaceURI == namespaceURI }?.value
    }

    /// The child elements named `localName` in namespace `namespaceURI`, in document order.
    public func elements(named localName: String, namespaceURI: String?) -> [XMLElement] {
        elements.filter { $0.localName == localName && $0.namespaceURI == namespaceURI }
    }

    /// The first child element named `localName` in namespace `namespaceURI`, if any.
    public func firstElement(named localName: String, namespaceURI: String?) -> XMLElement? {
        for case .element(let element) in children
        where element.localName == localName
            && element.namespaceURI == namespaceURI
        {
            return element
        }
        return nil
    }
}
