public import ByteOutput

/// Writes ``JSONValue`` trees as compact or indented UTF-8 JSON.
///
/// Output is deterministic: members in their stored order, numbers in their stored lexical form,
/// strings escaped minimally (`"`, `\`, control characters; `/` and non-ASCII are written as is).
public struct JSONSerializer: Sendable {
    /// Spaces per nesting level; `nil` writes everything on one line with no spaces.
    public var indent: Int?

    /// Creates a serializer; compact by default.
    public init(indent: Int? = nil) {
        self.indent = indent
    }

    /// The serialized bytes of `value`.
    public func serialize(_ value: JSONValue) -> [UInt8] {
        var output = ByteBuffer(capacity: 1024)
        append(value, to: &output, level: 0)
        return output.array()
    }

    /// The serialized text of `value`.
    public func string(_ value: JSONValue) -> String {
        String(decoding: serialize(value), as: UTF8.self)
    }

    /// Appends the serialization of `value` to `output`.
    public func append(_ value: JSONValue, to output: inout ByteBuffer, level: Int = 0) {
        switch value {
        case .null: output.append("null" as StaticString)
        case .bool(let flag): output.append(flag ? "true" as StaticString : "false")
        case .number(let lexeme): output.append(lexeme)
        case .string(let text): Self.appendString(text, to: &output)
        case .array(let values):
            guard !values.isEmpty else { return output.append("[]" as StaticString) }
            output.append(UInt8(ascii: "["))
            values.withUnsafeBufferPointer { elements in
                for position in elements.indices {
                    if position > 0 { output.append(UInt8(ascii: ",")) }
                    newline(&output, level: level + 1)
                    append(elements[position], to: &output, level: level + 1)
                }
            }
            newline(&output, level: level)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return output.append("{}" as StaticString) }
            output.append(UInt8(ascii: "{"))
            members.withUnsafeBufferPointer { members in
                for position in members.indices {
                    if position > 0 { output.append(UInt8(ascii: ",")) }
                    newline(&output, level: level + 1)
                    Self.appendString(members[position].key, to: &output)
                    output.append(UInt8(ascii: ":"))
                    if indent != nil { output.append(UInt8(ascii: " ")) }
                    append(members[position].value, to: &output, level: level + 1)
                }
            }
            newline(&output, level: level)
            output.append(UInt8(ascii: "}"))
        }
    }

    private func newline(_ output: inout ByteBuffer, level: Int) {
        guard let indent else { return }
        output.append(0x0A)
        output.append(UInt8(ascii: " "), repeated: indent * level)
    }

    /// Appends `text` as a quoted, escaped JSON string.
    public static func appendString(_ text: String, to output: inout ByteBuffer) {
        output.append(UInt8(ascii: "\""))
        if let appended = text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &output) }) {
            appended
        } else {
            var text = text
            text.withUTF8 { bytes in appendEscaped(bytes, to: &output) }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Appends `bytes` escaped, copying the runs that need no escape eight bytes at a time as
    /// they are looked at (see ``JSONStringBytes`` and `ByteBuffer.appendRun`).
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout ByteBuffer) {
        var index = 0
        while true {
            index = output.appendRun(of: bytes, from: index, isMember: JSONStringBytes.isSpecial, marks: JSONStringBytes.marks)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            index += 1
            output.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(byte)
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "t"))
            default:
                output.append("u00" as StaticString)
                output.append(HexDigits.lowercase(byte >> 4))
                output.append(HexDigits.lowercase(byte & 0x0F))
            }
        }
    }
}
