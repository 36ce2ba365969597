public import ByteOutput

/// Writes compact JSON from ``JSONContentSink`` calls, byte for byte as ``JSONSerializer``
/// writes the value they describe, without building it; and notes which of a list of member
/// names it wrote, at any depth, as ``JSONValue/collectMemberNames(listedIn:notInside:into:)``
/// finds them in a tree.
public struct JSONByteWriter: JSONContentSink, ~Copyable {
    private var output: ByteBuffer
    /// Bit `d`: the container open at depth `d` holds something already (bit 0: the top value
    /// has been written).
    private var holdsSomething: UInt64 = 0
    /// Bit `d`: the container open at depth `d` is an array.
    private var isArray: UInt64 = 0
    private var depth = 0
    private let names: FixedStringIndex
    private let opaque: Int
    /// The depth of a container that is the value of a member named by string `opaque`: names
    /// inside it are not noted.
    private var quietFrom = Int.max
    /// Bit `i`: string `i` of the list was written as a member name.
    public private(set) var namesWritten: UInt64 = 0

    /// A writer that notes the member names of `names` (at most 64) it writes, except inside a
    /// member named by string `opaque` of the list.
    public init(noting names: FixedStringIndex, notInside opaque: Int, capacity: Int = 4096) {
        output = ByteBuffer(capacity: capacity)
        self.names = names
        self.opaque = opaque
    }

    /// The number of bytes written.
    public var count: Int { output.count }

    /// The bytes written.
    public var array: [UInt8] { Array(output.bytes) }

    /// Appends the bytes written, from offset `start` on, to `target`.
    public func appendBytes(from start: Int, to target: inout ByteBuffer) {
        target.append(UnsafeBufferPointer(rebasing: output.bytes[start...]))
    }

    public mutating func openObject(_ key: String?) {
        open(key)
        output.append(UInt8(ascii: "{"))
    }

    public mutating func openArray(_ key: String?) {
        open(key)
        isArray |= 1 << UInt64(depth)
        output.append(UInt8(ascii: "["))
    }

    public mutating func close() {
        precondition(depth > 0, "closed with nothing open")
        let bit: UInt64 = 1 << UInt64(depth)
        output.append(isArray & bit != 0 ? UInt8(ascii: "]") : UInt8(ascii: "}"))
        isArray &= ~bit
        holdsSomething &= ~bit
        if quietFrom == depth { quietFrom = .max }
        depth -= 1
    }

    public mutating func put(_ key: consuming String?, _ value: consuming JSONValue) {
        let opaqueMember = place(key)
        JSONSerializer().append(value, to: &output)
        if !opaqueMember, depth < quietFrom {
            value.collectMemberNames(listedIn: names, notInside: opaque, into: &namesWritten)
        }
    }

    public mutating func put(_ key: String?, string text: String) {
        place(key)
        JSONSerializer.appendString(text, to: &output)
    }

    private mutating func open(_ key: String?) {
        let opaqueMember = place(key)
        precondition(depth < 63, "JSON nested more than 63 levels deep")
        depth += 1
        if opaqueMember, quietFrom == .max { quietFrom = depth }
    }

    /// Writes the separator before a value and its member name, if any; returns whether the name
    /// is the opaque one.
    @discardableResult
    private mutating func place(_ key: String?) -> Bool {
        let bit: UInt64 = 1 << UInt64(depth)
        assert((key == nil) == (depth == 0 || isArray & bit != 0), "a member name outside an object, or an object member without one")
        assert(depth > 0 || holdsSomething & bit == 0, "a second top value")
        if holdsSomething & bit != 0 { output.append(UInt8(ascii: ",")) }
        holdsSomething |= bit
        guard let key else { return false }
        JSONSerializer.appendString(key, to: &output)
        output.append(UInt8(ascii: ":"))
        guard depth < quietFrom, let position = names.position(of: key) else { return false }
        if position == opaque { return true }
        namesWritten |= 1 << UInt64(position)
        return false
    }
}
