import CSVFormat
import ELMFormat
public import MicrocredPipeline
import ModelJSONFormat
import OpenBadgesFormat

extension FormatRegistry {
    /// Every format microcred ships, in the order `formats` lists them (earlier wins a sniffing tie).
    public static let standard = FormatRegistry([
        ModelJSONFormat.descriptor,
        CSVFormat.descriptor,
    ])
}
