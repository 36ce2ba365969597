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

    /// The stored fields of an element.
    @usableFromInline
    struct Fields {
        @usableFromInline var localName: String
        @usableFromInline var namespaceURI: String?
        @usableFromInline var prefix: String?
        @usableFromInline var attributes: [XMLAttribute]
        @usableFromInline var namespaceDeclarations: [XMLNamespaceDeclaration]
        @usableFromInline var children: [Child]
        @usableFromInline var line: Int
        @usableFromInline var column: Int
    }

    /// The fields, in one shared box: copying an element (which reading, mapping and comparing
    /// trees do all the time) then costs one reference count instead of one per field. A box is
    /// only changed while no other element shares it.
    ///
    /// Note: the fields are `@exclusivity(unchecked)`, so reading them needs no run-time
    /// exclusivity check; the copy-on-write rule above is what keeps accesses from overlapping.
    /// The box and its accessors are inlinable, so that code in other modules reads a field
    /// directly instead of through a call.
    @usableFromInline
    final class Storage: @unchecked Sendable {
        @usableFromInline @exclusivity(unchecked) var fields: Fields

        @usableFromInline
        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    @usableFromInline var storage: Storage

    /// The box, ready to be changed: a box shared with another element is copied first.
    @inlinable
    var uniqueStorage: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            return storage
        }
    }

    /// The local name (`europassCredential`).
    @inlinable
    public var localName: String {
        _read { yield storage.fields.localName }
        _modify { yield &uniqueStorage.fields.localName }
    }
    /// The namespace name, or `nil` when the element is in no namespace.
    @inlinable
    public var namespaceURI: String? {
        _read { yield storage.fields.namespaceURI }
        _modify { yield &uniqueStorage.fields.namespaceURI }
    }
    /// The prefix as written, or `nil`.
    @inlinable
    public var prefix: String? {
        _read { yield storage.fields.prefix }
        _modify { yield &uniqueStorage.fields.prefix }
    }
    /// The attributes, in document order, without namespace declarations.
    @inlinable
    public var attributes: [XMLAttribute] {
        _read { yield storage.fields.attributes }
        _modify { yield &uniqueStorage.fields.attributes }
    }
    /// The namespace declarations written on this element, in document order.
    @inlinable
    public var namespaceDeclarations: [XMLNamespaceDeclaration] {
        _read { yield storage.fields.namespaceDeclarations }
        _modify { yield &uniqueStorage.fields.namespaceDeclarations }
    }
    /// The children, in document order.
    @inlinable
    public var children: [Child] {
        _read { yield storage.fields.children }
        _modify { yield &uniqueStorage.fields.children }
    }
    /// The 1-based line of the start tag's `<`, or 0 for an element built in code.
    @inlinable
    public var line: Int {
        _read { yield storage.fields.line }
        _modify { yield &uniqueStorage.fields.line }
    }
    /// The 1-based column of the start tag's `<`, or 0 for an element built in code.
    @inlinable
    public var column: Int {
        _read { yield storage.fields.column }
        _modify { yield &uniqueStorage.fields.column }
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
            Fields(
                localName: localName, namespaceURI: namespaceURI, prefix: prefix, attributes: attributes,
                namespaceDeclarations: namespaceDeclarations, children: children, line: line, column: column))
    }

    /// Creates an element holding `fields`.
    init(_ fields: Fields) {
        storage = Storage(fields)
    }

    /// Whether both are the same element value, not merely equal ones: a copy not changed since
    /// (a quick, sufficient test of equality).
    public func isIdentical(to other: XMLElement) -> Bool {
        storage === other.storage
    }

    public static func == (lhs: XMLElement, rhs: XMLElement) -> Bool {
        lhs.isIdentical(to: rhs)
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
        var elements: [XMLElement] = []
        elements.reserveCapacity(children.count)
        for case .element(let element) in children { elements.append(element) }
        return elements
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
