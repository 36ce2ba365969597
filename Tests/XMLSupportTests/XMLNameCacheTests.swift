import Testing

@testable import XMLSupport

@Suite struct XMLNameCacheTests {
    @Test func aPointerWhoseBytesChangedGivesTheNewName() {
        var cache = XMLNameCache()
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 32)
        defer { buffer.deallocate() }
        func store(_ text: String) {
            let bytes = Array(text.utf8) + [0]
            buffer.update(from: bytes, count: bytes.count)
        }
        store("learningOutcome")
        #expect(cache.name(buffer) == "learningOutcome")
        #expect(cache.name(buffer) == "learningOutcome")
        store("learningOutcomes")
        #expect(cache.name(buffer) == "learningOutcomes")
        store("learning")
        #expect(cache.name(buffer) == "learning")
        store("")
        #expect(cache.name(buffer) == "")
    }

    @Test func aKnownNameIsGivenAsTheKnownString() {
        let namespace = "http://data.europa.eu/snb"
        var cache = XMLNameCache(known: [namespace, "learningSpecificationReferences"])
        let bytes = Array(namespace.utf8) + [0]
        let name = bytes.withUnsafeBufferPointer { cache.name($0.baseAddress!) }
        func storage(_ text: String) -> UnsafePointer<UInt8>? { text.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil }
        #expect(name == namespace)
        #expect(storage(name) == storage(namespace), "the very string given, not a copy")
        let other = Array("http://data.europa.eu/snbx".utf8) + [0]
        #expect(other.withUnsafeBufferPointer { cache.name($0.baseAddress!) } == "http://data.europa.eu/snbx")
    }

    @Test func namesReadFromADocumentAreTheNamesWritten() throws {
        let names = (0..<600).map { "element\($0)" }
        let document = "<root>" + names.map { "<\($0) a\($0)=\"v\"/>" }.joined() + names.reversed().map { "<\($0)/>" }.joined() + "</root>"
        let starts = try readEvents(document, chunkSize: 97).filter { $0.kind == .startElement && $0.depth == 1 }
        #expect(starts.map(\.localName) == names + names.reversed())
        #expect(starts.prefix(names.count).map { $0.attributes.first?.localName } == names.map { "a\($0)" })
    }

    @Test func listsEachNameOncePerList() {
        var cache = XMLNameCache()
        let names = ["title", "text", "http://data.europa.eu/snb", "title"].map { Array($0.utf8) + [0] }
        // Each name where no other name's slot is: two names in one slot put each other out, and
        // are then listed again.
        var pointers: [UnsafeMutablePointer<UInt8>] = []
        var discarded: [UnsafeMutablePointer<UInt8>] = []
        for name in names {
            var pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
            while pointers.contains(where: { XMLNameCache.slotIndex(of: $0) == XMLNameCache.slotIndex(of: pointer) }) {
                discarded.append(pointer)
                pointer = .allocate(capacity: 64)
            }
            pointer.initialize(from: name, count: name.count)
            pointers.append(pointer)
        }
        defer { (pointers + discarded).forEach { $0.deallocate() } }
        cache.startList()
        var list: [String] = []
        let positions = [0, 1, 0, 2, 1, 3].map { cache.position(of: pointers[$0], in: &list) }
        #expect(positions == [0, 1, 0, 2, 1, 3])
        #expect(list == ["title", "text", "http://data.europa.eu/snb", "title"], "the same spelling at another pointer is another name")
        cache.startList()
        var next: [String] = ["kept"]
        #expect(cache.position(of: pointers[1], in: &next) == 1)
        #expect(cache.position(of: pointers[1], in: &next) == 1)
        #expect(next == ["kept", "text"])
    }
}
