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

    private static let slots = 512
    private var entries: [Entry?] = Array(repeating: nil, count: slots)
    private let known: Set<String>

    /// A cache that gives the strings of `known` for names equal to one of them.
    init(known: Set<String> = []) {
        self.known = known
    }

    /// The string for the NUL-terminated UTF-8 name at `pointer`.
    mutating func name(_ pointer: UnsafePointer<UInt8>) -> String {
        let slot = Int(bitPattern: UInt(bitPattern: pointer) >> 3) & (Self.slots - 1)
        if let entry = entries[slot], entry.pointer == pointer, Self.matches(entry.name, pointer) {
            return entry.name
        }
        var name = String(cString: pointer)
        if let index = known.firstIndex(of: name) { name = known[index] }
        entries[slot] = Entry(pointer: pointer, name: name)
        return name
    }

    /// Whether `name`'s UTF-8 bytes are the NUL-terminated bytes at `pointer`.
    private static func matches(_ name: String, _ pointer: UnsafePointer<UInt8>) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            for index in bytes.indices where pointer[index] != bytes[index] { return false }
            return pointer[bytes.count] == 0
        }
    }
}
