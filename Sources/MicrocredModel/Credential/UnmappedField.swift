/// A field read from a source that the model has no home for, kept so that nothing is dropped and
/// a writer of the same format can put it back.
public struct UnmappedField: Hashable, Sendable, Codable {
    /// The format id it was read from (`csv`, `elm-xml`, `ob3`…).
    public var format: String
    /// Where it was in the source: a column name, a JSON pointer, an XML path.
    public var path: String
    /// The value: a string (a CSV cell, an XML fragment) or a JSON value.
    public var value: JSONValue

    public init(format: String, path: String, value: JSONValue) {
        self.format = format
        self.path = path
        self.value = value
    }
}
