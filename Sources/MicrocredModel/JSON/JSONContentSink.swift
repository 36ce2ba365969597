/// Receives a JSON value as it is written, in document order: each object or array opened, its
/// members or elements, then its close (a call out of that order, or a member name where an
/// array element goes, is a programming error: the tree builder stops the program, the byte
/// writer in debug builds).
///
/// Code that produces JSON writes it once, against this protocol, and gets a tree
/// (``JSONTreeBuilder``) or compact bytes (``JSONByteWriter``) from the same calls.
public protocol JSONContentSink: ~Copyable {
    /// Opens an object: member `key` of the open object, or, with no key, an element of the open
    /// array (or the top value).
    mutating func openObject(_ key: String?)
    /// Opens an array, placed as ``openObject(_:)`` places an object.
    mutating func openArray(_ key: String?)
    /// Closes the innermost open object or array.
    mutating func close()
    /// Adds `value`, whole, placed as ``openObject(_:)`` places an object.
    mutating func put(_ key: consuming String?, _ value: consuming JSONValue)
    /// Adds a string; the same as `put(key, .string(text))`.
    mutating func put(_ key: String?, string text: String)
}

extension JSONContentSink where Self: ~Copyable {
    /// Adds member `key` unless `value` is `nil`.
    public mutating func add(_ key: String, _ value: JSONValue?) {
        guard let value else { return }
        put(key, value)
    }

    /// Adds member `key`, a string, unless `text` is `nil`.
    public mutating func add(_ key: String, string text: String?) {
        guard let text else { return }
        put(key, string: text)
    }

    /// Adds member `key`, an array, unless `values` is empty.
    public mutating func add(_ key: String, nonEmpty values: [JSONValue]) {
        guard !values.isEmpty else { return }
        put(key, .array(values))
    }

    /// Adds `members` to the open object, in order.
    public mutating func add(contentsOf members: [JSONMember]) {
        for member in members { put(member.key, member.value) }
    }
}
