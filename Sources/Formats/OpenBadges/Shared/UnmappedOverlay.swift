import MicrocredModel

/// Puts a format's unmapped fields back into the document its writer built from the model.
///
/// Each field is set at its JSON Pointer (see ``SourceDiff``); a field whose value is `null`
/// records that the source had nothing where the writer would write a default, and removes it. A field that cannot go there
/// without breaking the target's rules (the placement check says no, or the path runs through a
/// scalar) is handed back, and the writer keeps it elsewhere.
enum UnmappedOverlay {
    /// Sets the fields of `format` into `document`; returns those that could not be placed.
    static func apply(
        _ fields: [UnmappedField], format: String, to document: inout JSONValue,
        isPlaceable: (_ tokens: [String], _ document: JSONValue, _ value: JSONValue) -> Bool = { _, _, _ in true }
    ) -> [UnmappedField] {
        var leftovers: [UnmappedField] = []
        for field in fields where field.format == format {
            guard let tokens = JSONPointer.tokens(field.path), !tokens.isEmpty, isPlaceable(tokens, document, field.value) else {
                leftovers.append(field)
                continue
            }
            if field.value == .null {
                document.removeValue(at: tokens[...])
                continue
            }
            // `set` changes nothing when it fails.
            if !document.set(field.value, at: tokens[...]) { leftovers.append(field) }
        }
        return leftovers
    }
}
