public import Foundation

/// All of the project's controlled vocabularies, loaded once from `Mappings/vocab/` and
/// immutable afterwards.
///
/// ```swift
/// let vocabularies = try Vocabularies.load(from: mappingsVocabFolder)
/// vocabularies.country("Deutschland")?.iri   // http://publications.europa.eu/resource/authority/country/DEU
/// vocabularies.iscedField("613")?.how        // .padded
/// ```
public struct Vocabularies: Sendable {
    /// The name of the alias table inside the vocabulary folder.
    public static let aliasesFileName = "aliases.tsv"

    /// The tables, at their kind's ``VocabularyKind/position``.
    private let tables: [VocabularyTable]
    /// The latest lookups: a batch repeats the same few values on every record, and working out a
    /// value's lookup keys costs several times more than finding a remembered result.
    private let recentMatches = BoundedCache<RecentMatch, VocabularyMatch?>(capacity: 4096)

    private struct RecentMatch: Hashable {
        var kind: VocabularyKind
        var value: String

        /// The value alone: a kind hashes as its raw value, which would make every look-up hash
        /// two strings, and the same value in two kinds is rare.
        func hash(into hasher: inout Hasher) {
            hasher.combine(value)
        }
    }

    private init(tables: [VocabularyTable]) {
        self.tables = tables
    }

    /// Reads every table named by ``VocabularyKind`` and `aliases.tsv` from `directory`.
    ///
    /// - Throws: ``VocabularyLoadError`` naming the file, and the line where there is one, when a
    ///   file is missing or not UTF-8, a row has the wrong number of fields, a code or IRI is
    ///   repeated, or an alias names an unknown table or code or two different concepts.
    public static func load(from directory: URL) throws(VocabularyLoadError) -> Vocabularies {
        var tables: [VocabularyTable] = []
        for kind in VocabularyKind.allCases {
            assert(kind.position == tables.count, "a kind's position is its place in allCases")
            tables.append(try VocabularyTable(kind: kind, tsv: VocabularyTSV.read(kind.fileName, in: directory)))
        }
        let aliases = try VocabularyTSV.read(aliasesFileName, in: directory)
        let tableColumn = try aliases.index(of: "table")
        let aliasColumn = try aliases.index(of: "alias")
        let codeColumn = try aliases.index(of: "code")
        for row in aliases.rows {
            let name = row.fields[tableColumn]
            guard let kind = VocabularyKind(rawValue: name) else {
                throw VocabularyLoadError(file: aliasesFileName, line: row.line, reason: "unknown table '\(name)'")
            }
            try tables[kind.position].addAlias(
                row.fields[aliasColumn], code: row.fields[codeColumn], file: aliasesFileName, line: row.line)
        }
        return Vocabularies(tables: tables)
    }

    /// The table of one vocabulary. (Lent in place, not copied: a look-up through it retains none
    /// of the table's indexes.)
    public subscript(kind: VocabularyKind) -> VocabularyTable {
        _read { yield tables[kind.position] }
    }

    /// The table of one vocabulary.
    public func table(_ kind: VocabularyKind) -> VocabularyTable {
        tables[kind.position]
    }

    /// Looks `value` up in one vocabulary by code (or padded code), IRI, label and alias, in that
    /// order.
    public func match(_ value: String, in kind: VocabularyKind) -> VocabularyMatch? {
        recentMatches.value(for: RecentMatch(kind: kind, value: value)) { self[kind].match(value) }
    }
}
