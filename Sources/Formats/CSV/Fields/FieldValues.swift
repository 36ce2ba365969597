/// What a field access reads: one value (`nil` when absent) for a plain path, one per element for
/// a path through a list (`[]`).
///
/// A plain path's value is kept without a list: the CSV writer reads dozens of fields per row,
/// and a one-element list for each would be allocated and freed again for every cell.
enum FieldValues {
    case one(FieldValue?)
    case list([FieldValue?])

    /// The first value; `nil` when it is absent or the list is empty.
    var first: FieldValue? {
        switch self {
        case .one(let value): value
        case .list(let values): values.first ?? nil
        }
    }

    /// Every value, in order.
    var all: [FieldValue?] {
        switch self {
        case .one(let value): [value]
        case .list(let values): values
        }
    }
}
