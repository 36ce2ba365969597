import ByteOutput
internal import CLibXML2

/// The attributes libxml2 passes to `startElementNs`: five pointers each (local name, prefix,
/// namespace name, value start, value end), valid during the callback.
struct SAXAttributes {
    /// The pointers; never `nil` when ``count`` is above 0.
    private let fields: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    init(fields: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int) {
        self.fields = fields
        self.count = fields == nil ? 0 : max(count, 0)
    }

    /// The attributes as values.
    func list(names: inout XMLNameCache) -> [XMLAttribute] {
        guard count > 0 else { return [] }
        var result: [XMLAttribute] = []
        result.reserveCapacity(count)
        for index in 0..<count {
            let (localName, namespaceURI, prefix) = attributeNames(index, names: &names)
            let value = withValue(index) { String(decoding: $0, as: UTF8.self) }
            result.append(XMLAttribute(localName: localName, namespaceURI: namespaceURI, prefix: prefix, value: value))
        }
        return result
    }

    /// Records the attributes, in order, for the element `recorder` has just started.
    func record(into recorder: inout XMLTreeRecorder, names: inout XMLNameCache) {
        for index in 0..<count {
            let attribute = fields.unsafelyUnwrapped + 5 * index
            let localName = attribute[0].map { recorder.name(at: $0, cache: &names) } ?? recorder.name("")
            let namespaceURI = attribute[2].map { recorder.name(at: $0, cache: &names) } ?? -1
            let prefix = attribute[1].map { recorder.name(at: $0, cache: &names) } ?? -1
            withValue(index) { recorder.attribute(localName: localName, namespaceURI: namespaceURI, prefix: prefix, value: $0) }
        }
    }

    private func attributeNames(_ index: Int, names: inout XMLNameCache) -> (String, String?, String?) {
        let attribute = fields.unsafelyUnwrapped + 5 * index
        return (
            attribute[0].map { names.name($0) } ?? "", attribute[2].map { names.name($0) },
            attribute[1].map { names.name($0) }
        )
    }

    /// Calls `body` with the UTF-8 value of attribute `index`.
    ///
    /// Note: without entity substitution libxml2 keeps a literal `&` in a value as `&#38;`, to be
    /// decoded by whoever builds the tree; this is that place. (Always inlined: as a call, the
    /// closure costs more than most values take to copy.)
    @inline(__always)
    private func withValue<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let attribute = fields.unsafelyUnwrapped + 5 * index
        guard let start = attribute[3], let end = attribute[4] else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        let ampersand = UInt8(ascii: "&")
        let first = ByteClassScan.first(in: bytes, from: 0, plain: UInt8(ascii: "A"), isMember: { $0 == ampersand }) {
            ByteClassScan.lanes(equalTo: ampersand, in: $0)
        }
        guard first < bytes.count else { return body(bytes) }
        return Self.unescapingAmpersands(bytes).withUnsafeBufferPointer(body)
    }

    /// `bytes` with each `&#38;` replaced by `&`.
    private static func unescapingAmpersands(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let ampersand = UInt8(ascii: "&")
        let escaped = Array("&#38;".utf8)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == ampersand, bytes.count - index >= escaped.count,
                bytes[index..<index + escaped.count].elementsEqual(escaped)
            {
                decoded.append(ampersand)
                index += escaped.count
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return decoded
    }
}
