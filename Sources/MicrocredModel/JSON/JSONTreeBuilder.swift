/// Builds a ``JSONValue`` from ``JSONContentSink`` calls.
public struct JSONTreeBuilder: JSONContentSink {
    /// An open object or array: where it goes, and what it holds so far.
    private struct Frame {
        var key: String?
        var isObject: Bool
        var members: [JSONMember] = []
        var elements: [JSONValue] = []
    }

    /// The open objects and arrays, innermost last. Each holds its own contents, which the
    /// builder appends to in place and moves out, whole, when it closes.
    private var frames: [Frame] = []
    /// The top value, once it is complete; `null` before.
    public private(set) var value: JSONValue = .null

    /// An empty builder.
    public init() {}

    public mutating func openObject(_ key: String?) {
        var frame = Frame(key: key, isObject: true)
        frame.members.reserveCapacity(8)
        frames.append(frame)
    }

    public mutating func openArray(_ key: String?) {
        frames.append(Frame(key: key, isObject: false))
    }

    public mutating func close() {
        guard let frame = frames.popLast() else { preconditionFailure("closed with nothing open") }
        put(frame.key, frame.isObject ? .object(frame.members) : .array(frame.elements))
    }

    public mutating func put(_ key: consuming String?, _ value: consuming JSONValue) {
        guard !frames.isEmpty else {
            self.value = value
            return
        }
        let top = frames.count - 1
        if frames[top].isObject {
            guard let key else { preconditionFailure("a member without a name") }
            frames[top].members.append(JSONMember(key, value))
        } else {
            precondition(key == nil, "an array element with a name")
            frames[top].elements.append(value)
        }
    }

    public mutating func put(_ key: String?, string text: String) {
        put(key, .string(text))
    }
}
