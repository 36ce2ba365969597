public import MicrocredPipeline

/// The `model` format: the internal model as JSON Lines, one credential per line, lossless and
/// versioned. The golden-test format and the way to pipe records between runs.
public enum ModelJSONFormat {
    /// The model version this build reads and writes.
    public static let modelVersion = 1

    /// The format's descriptor.
    public static let descriptor = FormatDescriptor(
        id: "model",
        displayName: "microcred model (JSON Lines)",
        fileExtensions: ["jsonl", "ndjson"],
        sniff: { sample in
            let text = String(decoding: sample.prefix(256), as: UTF8.self)
            return text.drop { $0.isWhitespace || $0 == "[" }.hasPrefix("{\"modelVersion\"") ? .yes : .no
        },
        makeReader: { source, _ in ModelJSONReader(source: source) },
        makeWriter: { _ in ModelJSONWriter() }
    )
}
