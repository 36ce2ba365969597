/// One controlled vocabulary: its concepts in file order and the indexes that look them up by
/// code, IRI, English label and alias.
public struct VocabularyTable: Sendable {
    /// Which vocabulary this is.
    public let kind: VocabularyKind
    /// The table's column names, in file order.
    public let columns: [String]
    /// The concepts, in file order.
    public let concepts: [VocabularyConcept]

    /// The look-ups, kept in one object: a copy of the table then retains one reference for them
    /// instead of one per index.
    private var indexes = Indexes()

    /// The indexes from lookup keys to positions in ``concepts``. Changed only while the table is
    /// built, and then only when this table alone refers to them (copied first otherwise).
    private final class Indexes: @unchecked Sendable {
        var codeIndex: [String: Int] = [:]
        var iriIndex: [String: Int] = [:]
        /// The IRIs as the file spells them: most IRIs read from documents are spelled so, and
        /// finding one as it is spares making its lookup key.
        var exactIRIIndex: [String: Int] = [:]
        var labelIndex: [String: Int] = [:]
        var aliasIndex: [String: Int] = [:]
        var aliasNames: [Int: [String]] = [:]

        init() {}

        /// A copy to change.
        func copy() -> Indexes {
            let copy = Indexes()
            (copy.codeIndex, copy.iriIndex, copy.exactIRIIndex) = (codeIndex, iriIndex, exactIRIIndex)
            (copy.labelIndex, copy.aliasIndex, copy.aliasNames) = (labelIndex, aliasIndex, aliasNames)
            return copy
        }
    }

    /// The columns every table starts with.
    static let commonColumns = ["code", "iri", "label_en", "scheme_iri"]

    /// Builds a table from its parsed file, refusing duplicate codes or IRIs.
    init(kind: VocabularyKind, tsv: VocabularyTSV) throws(VocabularyLoadError) {
        guard Array(tsv.header.prefix(Self.commonColumns.count)) == Self.commonColumns else {
            throw VocabularyLoadError(
                file: tsv.file, line: 1,
                reason: "header must start with \(Self.commonColumns.joined(separator: ", "))")
        }
        let alternativeColumns = try kind.alternativeCodeColumns.map { column throws(VocabularyLoadError) in
            try tsv.index(of: column)
        }
        let extraColumns = Array(tsv.header.indices.dropFirst(Self.commonColumns.count))
        self.kind = kind
        self.columns = tsv.header

        var concepts: [VocabularyConcept] = []
        concepts.reserveCapacity(tsv.rows.count)
        for row in tsv.rows {
            let fields = row.fields
            let code = fields[0]
            guard !code.isEmpty else {
                throw VocabularyLoadError(file: tsv.file, line: row.line, reason: "empty code")
            }
            guard !fields[2].isEmpty else {
                throw VocabularyLoadError(file: tsv.file, line: row.line, reason: "empty label_en for \(code)")
            }
            var values: [String: String] = [:]
            for column in extraColumns where !fields[column].isEmpty {
                values[tsv.header[column]] = fields[column]
            }
            let concept = VocabularyConcept(
                kind: kind, code: code, iri: fields[1].isEmpty ? nil : fields[1], label: fields[2],
                schemeIRI: fields[3].isEmpty ? nil : fields[3], values: values)
            let position = concepts.count
            concepts.append(concept)

            let codeKey = VocabularyKey.code(code)
            if let other = indexes.codeIndex[codeKey] {
                throw VocabularyLoadError(
                    file: tsv.file, line: row.line,
                    reason: "duplicate code \(code) (also \(concepts[other].code))")
            }
            indexes.codeIndex[codeKey] = position
            if let iri = concept.iri {
                let iriKey = VocabularyKey.iri(iri)
                if indexes.iriIndex[iriKey] != nil {
                    throw VocabularyLoadError(file: tsv.file, line: row.line, reason: "duplicate IRI \(iri)")
                }
                indexes.iriIndex[iriKey] = position
                if !iriKey.isEmpty { indexes.exactIRIIndex[iri] = position }
            }
            let labelKey = VocabularyKey.text(concept.label)
            if indexes.labelIndex[labelKey] == nil { indexes.labelIndex[labelKey] = position }
        }
        for column in alternativeColumns {
            for (position, row) in tsv.rows.enumerated() where !row.fields[column].isEmpty {
                let key = VocabularyKey.code(row.fields[column])
                if let other = indexes.codeIndex[key], other != position {
                    throw VocabularyLoadError(
                        file: tsv.file, line: row.line,
                        reason: "code \(row.fields[column]) also names \(concepts[other].code)")
                }
                indexes.codeIndex[key] = position
            }
        }
        self.concepts = concepts
    }

    /// Adds an alias for the concept with `code`; `file` and `line` name the alias row in errors.
    mutating func addAlias(_ alias: String, code: String, file: String, line: Int) throws(VocabularyLoadError) {
        if !isKnownUniquelyReferenced(&indexes) { indexes = indexes.copy() }
        guard let position = indexes.codeIndex[VocabularyKey.code(code)], concepts[position].code == code else {
            throw VocabularyLoadError(file: file, line: line, reason: "'\(code)' is not a code of \(kind.fileName)")
        }
        let key = VocabularyKey.text(alias)
        guard !key.isEmpty else {
            throw VocabularyLoadError(file: file, line: line, reason: "empty alias")
        }
        if let other = indexes.aliasIndex[key], other != position {
            throw VocabularyLoadError(
                file: file, line: line,
                reason: "alias '\(alias)' names both \(concepts[other].code) and \(code) in \(kind.fileName)")
        }
        indexes.aliasIndex[key] = position
        indexes.aliasNames[position, default: []].append(alias)
    }

    /// The concept whose canonical code is `code` (compared case-insensitively), with no other
    /// matching.
    public func concept(code: String) -> VocabularyConcept? {
        let key = VocabularyKey.code(code)
        guard let position = indexes.codeIndex[key], VocabularyKey.code(concepts[position].code) == key else { return nil }
        return concepts[position]
    }

    /// The aliases listed for the concept with canonical code `code`, in `aliases.tsv` order.
    public func aliases(ofCode code: String) -> [String] {
        let key = VocabularyKey.code(code)
        guard let position = indexes.codeIndex[key], VocabularyKey.code(concepts[position].code) == key else { return [] }
        return indexes.aliasNames[position] ?? []
    }

    /// Looks `value` up among the codes: the concept's code and the table's alternative code
    /// columns, case-insensitively. For ISCED-F, a numeric value that lost its leading zeros
    /// matches as `.padded` (`613` → `0613`; one zero is tried before two).
    public func match(code value: String) -> VocabularyMatch? {
        match(code: value, key: VocabularyKey.code(value))
    }

    private func match(code value: String, key: String) -> VocabularyMatch? {
        guard !key.isEmpty else { return nil }
        if let position = indexes.codeIndex[key] {
            return VocabularyMatch(concept: concepts[position], how: .code, input: value)
        }
        guard kind.matchesZeroPaddedCodes, key.count < 4,
            key.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        var padded = key
        while padded.count < 4 {
            padded = "0" + padded
            if let position = indexes.codeIndex[padded] {
                return VocabularyMatch(concept: concepts[position], how: .padded, input: value)
            }
        }
        return nil
    }

    /// Looks `value` up among the concept IRIs, tolerating surrounding whitespace, trailing
    /// slashes, `https` for `http` and letter case.
    public func match(iri value: String) -> VocabularyMatch? {
        // No two IRIs share a lookup key (the table refuses them), so the exact spelling finds
        // what the key would.
        if let position = indexes.exactIRIIndex[value] { return VocabularyMatch(concept: concepts[position], how: .iri, input: value) }
        let key = VocabularyKey.iri(value)
        guard !key.isEmpty, let position = indexes.iriIndex[key] else { return nil }
        return VocabularyMatch(concept: concepts[position], how: .iri, input: value)
    }

    /// Looks `value` up among the English labels, ignoring case, diacritics, hyphens and repeated
    /// whitespace. When several concepts share a label, the first in file order is found.
    public func match(label value: String) -> VocabularyMatch? {
        let key = VocabularyKey.text(value)
        guard !key.isEmpty, let position = indexes.labelIndex[key] else { return nil }
        return VocabularyMatch(concept: concepts[position], how: .label, input: value)
    }

    /// Looks `value` up among the aliases, ignoring case, diacritics, hyphens and repeated
    /// whitespace.
    public func match(alias value: String) -> VocabularyMatch? {
        let key = VocabularyKey.text(value)
        guard !key.isEmpty, let position = indexes.aliasIndex[key] else { return nil }
        return VocabularyMatch(concept: concepts[position], how: .alias, input: value)
    }

    /// Looks `value` up by code (then padded code), IRI, label and alias, in that order, and
    /// returns the first match.
    public func match(_ value: String) -> VocabularyMatch? {
        let codeKey = VocabularyKey.code(value)
        guard !codeKey.isEmpty else { return nil }
        if let match = match(code: value, key: codeKey) { return match }
        if let position = indexes.iriIndex[VocabularyKey.iri(codeKey: codeKey)] {
            return VocabularyMatch(concept: concepts[position], how: .iri, input: value)
        }
        let textKey = VocabularyKey.text(value)
        if let position = indexes.labelIndex[textKey] {
            return VocabularyMatch(concept: concepts[position], how: .label, input: value)
        }
        if let position = indexes.aliasIndex[textKey] {
            return VocabularyMatch(concept: concepts[position], how: .alias, input: value)
        }
        return nil
    }

    /// The IRI of the concept that `value` names by code (alternative codes and padding
    /// included), or `nil`.
    public func iri(forCode value: String) -> String? {
        match(code: value)?.concept.iri
    }

    /// The canonical code of the concept with IRI `value`, or `nil`.
    public func code(forIRI value: String) -> String? {
        match(iri: value)?.concept.code
    }
}
