/// A set of EU elements as one bit per element, in the order of ``EUElement/allCases``: made,
/// tested and counted without hashing element names, which a run does for every record.
public struct EUElementSet: Hashable, Sendable {
    /// Bit `i` stands for `EUElement.allCases[i]`.
    public private(set) var bits: UInt32 = 0

    /// The elements, in list order.
    public static let allElements = EUElement.allCases

    /// An empty set.
    public init() {}

    /// The elements `credential` carries. (Borrowed: an initialiser otherwise takes its own copy,
    /// and a copy of a credential retains everything it holds.)
    public init(_ credential: borrowing Credential) {
        for (position, element) in Self.allElements.enumerated() where credential.has(element) {
            bits |= 1 << position
        }
    }

    /// Whether the element at `position` in ``allElements`` is in the set.
    public func contains(position: Int) -> Bool {
        bits & (1 << position) != 0
    }

    /// The elements in the set, in list order.
    public var elements: [EUElement] {
        Self.allElements.indices.filter(contains(position:)).map { Self.allElements[$0] }
    }
}
