public import MicrocredModel

/// Writes rejected records as JSON Lines:
/// `{"source": {"file", "line", "record"}, "raw": …, "diagnostics": [{"code", "severity", "message", "hint", "field", "line", "column"}]}`.
public struct RejectsWriter {
    private let sink: any ByteSink
    private let serializer = JSONSerializer()

    public init(sink: any ByteSink) {
        self.sink = sink
    }

    /// Appends one rejected record.
    public func write(location: SourceLocation, raw: JSONValue, diagnostics: [Diagnostic]) throws(OutputError) {
        let line = JSONValue.object([
            JSONMember("source", location.jsonValue),
            JSONMember("raw", raw),
            JSONMember("diagnostics", .array(diagnostics.map(\.jsonValue))),
        ])
        var bytes = serializer.serialize(line)
        bytes.append(0x0A)
        try sink.write(bytes)
    }

    /// Makes the file final.
    public func commit() throws(OutputError) { try sink.commit() }

    /// Abandons the file.
    public func discard() { sink.discard() }
}
