/// A value with an obvious "nothing given" state: an empty collection, a part of the model with
/// every field absent.
public protocol EmptyRepresentable {
    /// The value that holds nothing.
    static var empty: Self { get }
    /// Whether this value holds nothing.
    var isEmpty: Bool { get }
}

extension Array: EmptyRepresentable {
    public static var empty: Self { [] }
}

/// A property that the model format leaves out when empty and reads as empty when absent, so
/// records stay short and hand-written model files need only what they hold.
@propertyWrapper
public struct OmitEmpty<Value: EmptyRepresentable & Codable & Hashable & Sendable>: Hashable, Sendable {
    public var wrappedValue: Value

    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }
}

extension OmitEmpty: Codable {
    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }
}

extension KeyedDecodingContainer {
    /// Reads an absent or `null` member as the empty value.
    public func decode<Value>(_ type: OmitEmpty<Value>.Type, forKey key: Key) throws -> OmitEmpty<Value> {
        OmitEmpty(wrappedValue: try decodeIfPresent(Value.self, forKey: key) ?? .empty)
    }
}

extension KeyedEncodingContainer {
    /// Leaves an empty value out.
    public mutating func encode<Value>(_ value: OmitEmpty<Value>, forKey key: Key) throws {
        if !value.wrappedValue.isEmpty { try encode(value.wrappedValue, forKey: key) }
    }
}
