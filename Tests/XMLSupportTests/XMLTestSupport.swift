import XMLSupport

/// Reads `xml` to the end, handing it to the reader in chunks of `chunkSize` bytes (all at once
/// when `nil`), and returns every event.
func readEvents(_ xml: String, chunkSize: Int? = nil) throws -> [XMLEvent] {
    try readEvents(Array(xml.utf8), chunkSize: chunkSize)
}

/// Reads `bytes` to the end in chunks of `chunkSize` bytes (all at once when `nil`).
func readEvents(_ bytes: [UInt8], chunkSize: Int? = nil) throws -> [XMLEvent] {
    let reader = try makeReader(bytes, chunkSize: chunkSize)
    var events: [XMLEvent] = []
    while let event = try reader.next() { events.append(event) }
    return events
}

/// A reader over `bytes` that receives them in chunks of `chunkSize` bytes (all at once when
/// `nil`) and builds the elements named `treeRoot` into trees.
func makeReader(
    _ bytes: [UInt8], chunkSize: Int? = nil, name: String = "test.xml", treeRoot: XMLExpandedName? = nil
) throws -> XMLPullReader {
    if chunkSize == nil, treeRoot == nil { return try XMLPullReader(bytes: bytes, documentName: name) }
    let chunkSize = chunkSize ?? max(bytes.count, 1)
    var offset = 0
    return try XMLPullReader(documentName: name, treeRoot: treeRoot) {
        guard offset < bytes.count else { return nil }
        defer { offset += chunkSize }
        return Array(bytes[offset..<min(bytes.count, offset + chunkSize)])
    }
}

/// The error reading `bytes` throws, or `nil` if it reads cleanly.
func readError(_ bytes: [UInt8], chunkSize: Int? = nil) -> XMLError? {
    do {
        _ = try readEvents(bytes, chunkSize: chunkSize)
        return nil
    } catch let error as XMLError {
        return error
    } catch {
        return nil
    }
}

/// One compact line per event, for readable comparisons:
/// `start p:root@3:1 d0 [a=x&y]`, `text "héllo"@4:6 d2`, `end p:root@7:1 d0`.
func summary(_ event: XMLEvent) -> String {
    let name = event.prefix.map { "\($0):\(event.localName)" } ?? event.localName
    let place = "@\(event.line):\(event.column) d\(event.depth)"
    switch event.kind {
    case .startElement:
        let attributes = event.attributes.map { "\($0.qualifiedName)=\($0.value)" }.joined(separator: " ")
        return "start \(name)\(place)" + (attributes.isEmpty ? "" : " [\(attributes)]")
            + (event.isEmptyElement ? " empty" : "")
    case .endElement:
        return "end \(name)\(place)"
    case .text:
        return "text \(event.value.debugDescription)\(place)"
    case .whitespace:
        return "space \(event.value.debugDescription)\(place)"
    case .comment:
        return "comment \(event.value.debugDescription)\(place)"
    case .processingInstruction:
        return "pi \(event.localName) \(event.value.debugDescription)\(place)"
    }
}
