import MicrocredModel

/// The `sourceField` extension list: unmapped fields carried verbatim
/// (`{"format": "csv", "path": "Notes", "value": …}`), for fields of other formats and for `ob3`
/// fields that cannot be put back at their path without breaking the schema.
enum SourceFieldCoding {
    static func encode(_ field: UnmappedField) -> JSONValue {
        .object([
            JSONMember("format", .string(field.format)), JSONMember("path", .string(field.path)), JSONMember("value", field.value),
        ])
    }

    static func decode(_ value: JSONValue) -> UnmappedField? {
        guard let format = value["format"]?.stringValue, let path = value["path"]?.stringValue, let field = value["value"] else {
            return nil
        }
        return UnmappedField(format: format, path: path, value: field)
    }
}
