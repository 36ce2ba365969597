extension FormatRegistry {
    /// Opens `input`, chooses its format (explicit, extension, sniffing) and makes its reader.
    /// - Throws: ``Diagnostic`` when the input cannot be opened, its format cannot be told, or the
    ///   reader cannot be made (a bad option or mapping).
    public func openReader(
        for input: InputSource, explicitFormat: String?, context: FormatContext
    ) throws(Diagnostic) -> (format: FormatDescriptor, reader: any RecordReader) {
        let source: ByteSource
        do {
            source = try input.open()
        } catch {
            throw error.diagnostic
        }
        let format = try readFormat(explicit: explicitFormat, input: input, source: source)
        guard let makeReader = format.makeReader else {
            throw Diagnostic.error("format.not-readable", "format '\(format.id)' cannot be read")
        }
        return (format, try makeReader(source, context))
    }
}
