import Testing

@testable import CSVFormat

/// The clean-up every cell's text gets before it is read: spreadsheet formulas that keep leading
/// zeros (`="0613"`) are unwrapped, and nothing else is.
@Suite struct CellTextTests {
    @Test(arguments: [
        ("=\"0613\"", "0613"), ("=\"a\"\"b\"", "a\"b"), ("=\"\"", ""), ("=\"Ärger\"", "Ärger"),
        ("0613", "0613"), ("=", "="), ("=\"", "=\""), ("\"0613\"", "\"0613\""), ("=0613\"", "=0613\""),
        ("=\"0613", "=\"0613"), ("", ""), ("x=\"1\"", "x=\"1\""),
    ])
    func unwrapsFormulasOnly(_ text: String, _ expected: String) {
        var cell = text
        CompiledMapping.unwrapFormula(&cell)
        #expect(cell == expected)
    }
}
