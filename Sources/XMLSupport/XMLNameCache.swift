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
///
/// The cache also lists names for a recording (``position(of:in:)``): each name once, however
/// often it is used, and without copying a string for every use. (A name put out of its slot by
/// another in the meantime is listed again: the list is longer, its names no less right.)
struct XMLNameCache: ~Copyable {
    private struct Entry {
        /// The pointer the name last came at; `nil` while the slot is empty.
        var pointer: UnsafePointer<UInt8>?
        /// A copy of the name's NUL-terminated bytes, to check a hit against.
        var spelling: UnsafeMutablePointer<CChar>?
        var name: String
        /// The list this name was last put in (see ``listNumber``), and its position there.
        var listedIn: UInt64
        var position: Int32
    }

    private static let slotBits = 9
    private static let slots = 1 << slotBits
    private let entries: UnsafeMutablePointer<Entry>
    private let known: Set<String>
    /// The list that ``position(of:in:)`` adds to: positions remembered for any other are stale.
    private var listNumber: UInt64 = 1

    /// A cache that gives the strings of `known` for names equal to one of them.
    init(known: Set<String> = []) {
        self.known = known
        entries = .allocate(capacity: Self.slots)
        entries.initialize(repeating: Entry(pointer: nil, spelling: nil, name: "", listedIn: 0, position: -1), count: Self.slots)
    }

    deinit {
        for slot in 0..<Self.slots { free(entries[slot].spelling) }
        entries.deinitialize(count: Self.slots)
        entries.deallocate()
    }

    /// The string for the NUL-terminated UTF-8 name at `pointer`.
    mutating func name(_ pointer: UnsafePointer<UInt8>) -> String {
        entries[slot(for: pointer)].name
    }

    /// The position of the name at `pointer` in `list`, where it is appended the first time it is
    /// asked for since ``startList()``. Every call until the next ``startList()`` must pass the same
    /// list.
    mutating func position(of pointer: UnsafePointer<UInt8>, in list: inout [String]) -> Int32 {
        let entry = entries + slot(for: pointer)
        if entry.pointee.listedIn == listNumber { return entry.pointee.position }
        let position = Int32(truncatingIfNeeded: list.count)
        list.append(entry.pointee.name)
        entry.pointee.listedIn = listNumber
        entry.pointee.position = position
        return position
    }

    /// Forgets the positions ``position(of:in:)`` gave: the next call starts a new list.
    mutating func startList() {
        listNumber += 1
    }

    /// The slot that holds the name at `pointer`, made when missing.
    @inline(__always)
    private mutating func slot(for pointer: UnsafePointer<UInt8>) -> Int {
        let slot = Self.slotIndex(of: pointer)
        let entry = entries + slot
        // Note: `strcmp` stops at the first difference or NUL, so it reads no byte past the end of
        // either name.
        if entry.pointee.pointer == pointer,
            let spelling = entry.pointee.spelling,
            pointer.withMemoryRebound(to: CChar.self, capacity: 1, { strcmp(spelling, $0) }) == 0
        {
            return slot
        }
        fill(entry, pointer)
        return slot
    }

    /// The slot for a name at `pointer`. The dictionary packs names end to end, so neighbouring
    /// names can share their upper address bits: the slot comes from all of them (Fibonacci
    /// hashing).
    static func slotIndex(of pointer: UnsafePointer<UInt8>) -> Int {
        Int(bitPattern: (UInt(bitPattern: pointer) &* 0x9E37_79B9_7F4A_7C15) >> (UInt.bitWidth - slotBits))
    }

    /// Puts the name at `pointer` in `entry`, in place of what it held.
    private func fill(_ entry: UnsafeMutablePointer<Entry>, _ pointer: UnsafePointer<UInt8>) {
        var name = String(cString: pointer)
        if let index = known.firstIndex(of: name) { name = known[index] }
        free(entry.pointee.spelling)
        entry.pointee = Entry(
            pointer: pointer, spelling: pointer.withMemoryRebound(to: CChar.self, capacity: 1) { strdup($0) }, name: name,
            listedIn: 0, position: -1)
    }
}
