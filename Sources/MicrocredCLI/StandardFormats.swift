import CSVFormat
import ELMFormat
public import MicrocredPipeline
import ModelJSONFormat
import OpenBadgesFormat

extension FormatRegistry {
    /// Every format microcred ships, in the order `formats` lists them (earlier wins a sniffing tie).
    public static let standard = FormatRegistry(formats(openBadgesIndex: nil))

    /// The standard formats prepared for a batch of several files: the Open Badges readers then
    /// resolve BadgeClass and Issuer references to objects in any file of the batch (nothing is
    /// fetched). A single input resolves within itself and needs no preparation.
    static func standard(for inputs: [InputSource], sourceFormat: String?) -> FormatRegistry {
        let files = inputs.filter { if case .file = $0 { true } else { false } }
        guard files.count > 1, sourceFormat == nil || sourceFormat == "ob2" || sourceFormat == "ob3" else { return .standard }
        return FormatRegistry(formats(openBadgesIndex: OpenBadgesSupportIndex.scan(files).index))
    }

    private static func formats(openBadgesIndex: OpenBadgesSupportIndex?) -> [FormatDescriptor] {
        [
            ModelJSONFormat.descriptor,
            CSVFormat.descriptor,
            ELMXMLFormat.descriptor,
            OpenBadges3Format.descriptor(resolvingWith: openBadgesIndex),
            OpenBadges2Format.descriptor(resolvingWith: openBadgesIndex),
        ]
    }
}
