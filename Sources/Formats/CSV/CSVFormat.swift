public import MicrocredPipeline

/// The `csv` format: registrar and LMS exports (Moodle, Canvas, SIS queries, Excel "Save as CSV"
/// in any European locale) read through a mapping file (`Mappings/csv/*.yaml`, `--mapping`),
/// and written in the `microcred-standard` layout or a mapping's own.
///
/// Reading streams RFC 4180 records (quoted fields, doubled quotes, line breaks in quotes, CRLF,
/// LF or CR) with memory bounded by one record; the encoding (UTF-8 with or without BOM, UTF-16
/// with BOM, Windows-1252, ISO-8859-1/-15) and delimiter (`,` `;` tab `|`) are detected unless
/// the mapping or `--from-option` names them. `docs/csv.md` describes the format, `docs/mapping.md`
/// the mapping files.
public enum CSVFormat {
    /// The format id.
    public static let id = "csv"

    /// The format's descriptor.
    public static let descriptor = FormatDescriptor(
        id: id,
        displayName: "CSV (registrar / LMS exports, described by a mapping file)",
        fileExtensions: ["csv", "tsv", "txt"],
        options: CSVDialectOptions.declared + CSVWriter.declared,
        sniff: { CSVSniffer.sniff($0) },
        makeReader: { (source, context) throws(Diagnostic) in try CSVReader(source: source, context: context) },
        makeWriter: { (context) throws(Diagnostic) in try CSVWriter(context: context) }
    )
}

/// Recognises delimited text: printable text (in any supported encoding) whose first lines share
/// a delimiter. Never more than ``SniffResult/maybe``: any text with commas could be CSV.
enum CSVSniffer {
    static func sniff(_ sample: ArraySlice<UInt8>) -> SniffResult {
        guard !sample.isEmpty else { return .no }
        let detection = CSVTextEncoding.detect(sample, isWholeInput: false)
        var text: [UInt8]
        switch detection.encoding {
        case .utf16LittleEndian, .utf16BigEndian:
            let bytes = Array(sample.dropFirst(detection.byteOrderMarkLength))
            let source = ByteSource(bytes: Array(bytes.prefix(bytes.count & ~1)), name: "-")
            text = []
            var errors: [Transcoder.DecodeError] = []
            let transcoder = Transcoder(source: source, encoding: detection.encoding, skip: 0)
            while (try? transcoder.next(into: &text, errors: &errors)) == true {}
        default:
            text = Array(sample.dropFirst(detection.byteOrderMarkLength))
        }
        guard let first = text.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return .no }
        // JSON, XML and markup are other formats' business.
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "<") { return .no }
        let controls = text.filter { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }.count
        guard controls * 100 <= text.count else { return .no }
        return DialectDetector.delimiter(in: text[...]) != nil ? .maybe : .no
    }
}
