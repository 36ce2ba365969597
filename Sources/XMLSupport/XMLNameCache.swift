#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Musl)
    internal import Musl
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Swift strings for the names libxml2 reports (element and attribute names, prefixes, namespace
/// names), made once per distinct name instead of once per tag.
///
/// libxml2 keeps the names of a document in its parser's dictionary, so the same name arrives as
/// the same pointer again and again. The cache remembers the string made for a pointer in a small
/// direct-mapped table; a hit is taken only when the bytes still match, so a pointer that is not
/// the dictionary's (or whose memory was reused) can never give a wrong name. Equal names then
/// share one string's storage, which also makes comparing them cheap. A name among the reader's
/// known names is that very string (comparing it with the constant it came from is then cheap too).
struct XMLNameCache {
    private struct Entry {
        var pointer: UnsafePointer<UInt8>
        var name: String
    }

    private static let slotBits = 9
    private static let slots = 1 << slotBits
    private var entries: [Entry?] = Array(repeating: nil, count: slots)
    private let known: Set<String>

    /// A cache that gives the strings of `known` for names equal to one of them.
    init(known: Set<String> = []) {
        self.known = known
    }

    /// The string for the NUL-terminated UTF-8 name at `pointer`.
    mutating func name(_ pointer: UnsafePointer<UInt8>) -> String {
        // The dictionary packs names end to end, so neighbouring names can share their upper
        // address bits: the slot comes from all of them (Fibonacci hashing).
        let slot = Int(bitPattern: (UInt(bitPattern: pointer) &* 0x9E37_79B9_7F4A_7C15) >> (UInt.bitWidth - Self.slotBits))
        if let entry = entries[slot], entry.pointer == pointer, Self.matches(entry.name, pointer) {
            return entry.name
        }
        var name = String(cString: pointer)
        if let index = known.firstIndex(of: name) { name = known[index] }
        entries[slot] = Entry(pointer: pointer, name: name)
        return name
    }

    /// Whether `name`'s UTF-8 bytes are the NUL-terminated bytes at `pointer`. (`strncmp` stops at
    /// the NUL, so no byte past the end of a shorter name at `pointer` is read.)
    private static func matches(_ name: String, _ pointer: UnsafePointer<UInt8>) -> Bool {
        name.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return pointer[0] == 0 }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { name in
                pointer.withMemoryRebound(to: CChar.self, capacity: bytes.count) { strncmp(name, $0, bytes.count) == 0 }
            } && pointer[bytes.count] == 0
        } ?? false
    }
}
