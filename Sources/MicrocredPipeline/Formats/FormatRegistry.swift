/// The formats a run can use, and how an input's format is chosen: the explicit id, else the
/// file extension, else sniffing the first bytes.
public struct FormatRegistry: Sendable {
    /// The formats, in the order `formats` lists them.
    public let formats: [FormatDescriptor]

    public init(_ formats: [FormatDescriptor]) {
        self.formats = formats
    }

    /// The ids of all formats.
    public var ids: [String] { formats.map(\.id) }

    /// The format with `id`.
    /// - Throws: ``Diagnostic`` (`format.unknown`) naming the known ids.
    public func descriptor(for id: String) throws(Diagnostic) -> FormatDescriptor {
        guard let format = formats.first(where: { $0.id == id.lowercased() }) else {
            throw Diagnostic.error(
                "format.unknown", "unknown format '\(id)'", hint: "known formats: \(ids.joined(separator: ", "))")
        }
        return format
    }

    /// The readable format an input's extension selects, if exactly one does.
    public func format(forExtension fileExtension: String) -> FormatDescriptor? {
        let candidates = formats.filter { $0.canRead && $0.fileExtensions.contains(fileExtension.lowercased()) }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// The readable format whose sniffer is most confident about `sample`; among equals, the
    /// earlier registered format wins.
    public func sniff(_ sample: ArraySlice<UInt8>) -> FormatDescriptor? {
        var best: (FormatDescriptor, SniffResult)?
        for format in formats where format.canRead {
            let verdict = format.sniff(sample)
            if verdict > (best?.1 ?? .no) { best = (format, verdict) }
        }
        return best?.0
    }

    /// The format to read `input` with: `explicit` if given, else by extension (unless the content
    /// plainly belongs to another format), else by sniffing the first bytes of `source`.
    /// - Throws: ``Diagnostic`` (`format.unknown`, `format.not-readable`, `format.undetected`).
    public func readFormat(explicit: String?, input: InputSource, source: ByteSource) throws(Diagnostic) -> FormatDescriptor {
        if let explicit {
            let format = try descriptor(for: explicit)
            guard format.canRead else {
                throw Diagnostic.error("format.not-readable", "format '\(format.id)' cannot be read", hint: readableHint)
            }
            return format
        }
        let sample: ArraySlice<UInt8>
        do {
            sample = try source.peek(4096)
        } catch {
            throw error.diagnostic
        }
        if let fileExtension = input.fileExtension, let format = format(forExtension: fileExtension) {
            // An extension several formats use (`.jsonl` for model records and badges alike)
            // yields to content that plainly belongs to another format.
            guard format.sniff(sample) == .no, let sniffed = sniff(sample), sniffed.sniff(sample) == .yes else { return format }
            return sniffed
        }
        if let format = sniff(sample) { return format }
        throw Diagnostic(
            code: "format.undetected", severity: .error, message: "cannot tell the format of '\(input.name)'",
            hint: "name it with --from (\(readableHint))", location: SourceLocation(file: input.name))
    }

    /// The format to write with `id`.
    /// - Throws: ``Diagnostic`` (`format.unknown`, `format.not-writable`).
    public func writeFormat(_ id: String) throws(Diagnostic) -> FormatDescriptor {
        let format = try descriptor(for: id)
        guard format.canWrite else {
            throw Diagnostic.error(
                "format.not-writable", "format '\(format.id)' cannot be written",
                hint: "writable formats: \(formats.filter(\.canWrite).map(\.id).joined(separator: ", "))")
        }
        return format
    }

    private var readableHint: String { "readable formats: \(formats.filter(\.canRead).map(\.id).joined(separator: ", "))" }
}
