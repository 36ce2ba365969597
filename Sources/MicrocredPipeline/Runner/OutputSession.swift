import Foundation

/// The writing side of a run: the writer, and the file, stream or folder it writes into.
final class OutputSession {
    let format: FormatDescriptor?
    let writer: (any RecordWriter)?
    private let sink: (any ByteSink)?
    private let folder: String?
    private var namer = SplitFileNamer()
    private var recordsInStream = 0

    /// Prepares the output of `target` (nothing for a validation run).
    init(target: ConversionTarget?, registry: FormatRegistry, standardOutput: any ByteSink) throws(Diagnostic) {
        guard let target else {
            format = nil
            writer = nil
            sink = nil
            folder = nil
            return
        }
        let format = try registry.writeFormat(target.format)
        guard let makeWriter = format.makeWriter else { throw Diagnostic.error("format.not-writable", "format '\(format.id)' cannot be written") }
        self.format = format
        self.writer = try makeWriter(target.context)
        switch target.destination {
        case .standardOutput:
            sink = standardOutput
            folder = nil
        case .file(let path):
            do {
                sink = try OutputFile.sink(path: path)
            } catch {
                throw error.diagnostic
            }
            folder = nil
        case .folder(let path):
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw OutputError(path: path, reason: "cannot create the output folder").diagnostic
            }
            sink = nil
            folder = path
        }
        if let sink, let writer {
            do {
                try sink.write(writer.header)
            } catch {
                throw error.diagnostic
            }
        }
    }

    /// Whether each record is written as its own document.
    var isSplit: Bool { folder != nil }

    /// Writes one record's bytes.
    func write(_ bytes: [UInt8], id: String?, record: Int) throws(OutputError) {
        guard let writer else { return }
        if let folder {
            let name = namer.name(for: id, record: record, fileExtension: writer.documentExtension)
            let file = try OutputFile.sink(path: PathText.appending(name, to: folder))
            try file.write(bytes)
            try file.commit()
        } else if let sink {
            if recordsInStream > 0 { try sink.write(writer.separator) }
            try sink.write(bytes)
            recordsInStream += 1
        }
    }

    /// Writes the footer and makes the output final.
    func commit() throws(OutputError) {
        guard let sink, let writer else { return }
        try sink.write(writer.footer)
        try sink.commit()
    }

    /// Abandons the output.
    func discard() {
        sink?.discard()
    }
}
