/// Builds a ``JSONValue`` from ``JSONContentSink`` calls.
public struct JSONTreeBuilder: JSONContentSink {
    /// An open object or array: where it goes, and what it holds so far.
    private struct Frame {
        var key: String?
        var isObject: Bool
        var members: [JSONMember] = []
        var elements: [JSONValue] = []
    }

    /// The innermost open object or array, appended to in place and moved out, whole, when it
    /// closes.
    private var current: Frame?
    /// The open objects and arrays around it, innermost last.
    private var outer: [Frame] = []
    /// The top value, once it is complete; `null` before.
    public private(set) var value: JSONValue = .null

    /// An empty builder.
    public init() {}

    public mutating func openObject(_ key: String?) {
        var frame = Frame(key: key, isObject: true)
        frame.members.reserveCapacity(8)
        open(frame)
    }

    public mutating func openArray(_ key: String?) {
        open(Frame(key: key, isObject: false))
    }

    public mutating func close() {
        guard let frame = current.take() else { preconditionFailure("closed with nothing open") }
        current = outer.popLast()
        put(frame.key, frame.isObject ? .object(frame.members) : .array(frame.elements))
    }

    public mutating func put(_ key: consuming String?, _ value: consuming JSONValue) {
        guard current != nil else {
            self.value = value
            return
        }
        if current!.isObject {
            guard let key else { preconditionFailure("a member without a name") }
            current!.members.append(JSONMember(key, value))
        } else {
            precondition(key == nil, "an array element with a name")
            current!.elements.append(value)
        }
    }

    public mutating func put(_ key: String?, string text: String) {
        put(key, .string(text))
    }

    private mutating func open(_ frame: Frame) {
        if let enclosing = current.take() { outer.append(enclosing) }
        current = frame
    }
}
