/// Encodes `Encodable` values into ``JSONValue`` trees.
///
/// Object members come out in the order the type encodes them (declaration order for synthesized
/// conformances), `nil` optionals are left out, and ``JSONValue`` properties are embedded as they
/// are, so verbatim data keeps its member order and number lexemes.
public struct JSONValueEncoder: Sendable {
    public init() {}

    /// The tree for `value`.
    /// - Throws: `EncodingError` when the value cannot be represented in JSON (a non-finite float).
    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        try TreeEncoder.box(value, codingPath: [])
    }
}

/// Holds a container's contents while encoding so nested containers can append to it later.
private final class EncodingNode {
    enum Content {
        case empty
        case value(JSONValue)
        case object([(String, EncodingNode)])
        case array([EncodingNode])
    }

    var content: Content = .empty

    init() {}
    init(_ value: JSONValue) { content = .value(value) }

    var resolved: JSONValue {
        switch content {
        case .empty: .object([])
        case .value(let value): value
        case .object(let members): .object(members.map { JSONMember($0.0, $0.1.resolved) })
        case .array(let elements): .array(elements.map(\.resolved))
        }
    }

    /// Adds a member. Encodable conformances write each key once, so no lookup is made.
    func set(_ key: String, _ node: EncodingNode) {
        guard case .object(var members) = content else {
            content = .object([(key, node)])
            return
        }
        content = .empty
        members.append((key, node))
        content = .object(members)
    }

    func append(_ node: EncodingNode) {
        guard case .array(var elements) = content else {
            content = .array([node])
            return
        }
        content = .empty
        elements.append(node)
        content = .array(elements)
    }
}

private struct TreeEncoder: Encoder {
    let node: EncodingNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func box<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONValue {
        if T.self == JSONValue.self, let json = value as? JSONValue { return json }
        let node = EncodingNode()
        try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
        return node.resolved
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .empty = node.content { node.content = .object([]) }
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .empty = node.content { node.content = .array([]) }
        return UnkeyedTreeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeContainer(node: node, codingPath: codingPath)
    }
}

private func scalar<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONValue {
    // Note: comparing metatypes is far cheaper than `as?` casts on every value.
    if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
    if T.self == Int.self { return .number(String(unsafeBitCast(value, to: Int.self))) }
    if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
    if T.self == JSONValue.self, let json = value as? JSONValue { return json }
    switch value {
    case let number as Int64: return .number(String(number))
    case let number as UInt64: return .number(String(number))
    case let number as Double:
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: codingPath, debugDescription: "non-finite number"))
        }
        return .number(number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number))
    default: return try TreeEncoder.box(value, codingPath: codingPath)
    }
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.set(key.stringValue, EncodingNode(.null)) }

    mutating func encode(_ value: String, forKey key: Key) throws { node.set(key.stringValue, EncodingNode(.string(value))) }

    mutating func encode(_ value: Int, forKey key: Key) throws { node.set(key.stringValue, EncodingNode(.number(String(value)))) }

    mutating func encode(_ value: Bool, forKey key: Key) throws { node.set(key.stringValue, EncodingNode(.bool(value))) }

    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { node.set(key.stringValue, EncodingNode(.string(value))) }
    }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        node.set(key.stringValue, EncodingNode(try scalar(value, codingPath: codingPath + [key])))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let child = EncodingNode()
        child.content = .object([])
        node.set(key.stringValue, child)
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = EncodingNode()
        child.content = .array([])
        node.set(key.stringValue, child)
        return UnkeyedTreeContainer(node: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = EncodingNode()
        node.set(key.stringValue, child)
        return TreeEncoder(node: child, codingPath: codingPath + [key])
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String { String(intValue ?? 0) }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { intValue = Int(stringValue) }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    var count: Int {
        if case .array(let elements) = node.content { return elements.count }
        return 0
    }

    mutating func encodeNil() throws { node.append(EncodingNode(.null)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        node.append(EncodingNode(try scalar(value, codingPath: codingPath + [IndexKey(count)])))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = EncodingNode()
        child.content = .object([])
        let path = codingPath + [IndexKey(count)]
        node.append(child)
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(node: child, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = EncodingNode()
        child.content = .array([])
        let path = codingPath + [IndexKey(count)]
        node.append(child)
        return UnkeyedTreeContainer(node: child, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        let child = EncodingNode()
        let path = codingPath + [IndexKey(count)]
        node.append(child)
        return TreeEncoder(node: child, codingPath: path)
    }
}

private struct SingleTreeContainer: SingleValueEncodingContainer {
    let node: EncodingNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.content = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        node.content = .value(try scalar(value, codingPath: codingPath))
    }
}
