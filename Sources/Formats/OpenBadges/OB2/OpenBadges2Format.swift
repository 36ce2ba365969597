public import MicrocredPipeline

/// The `ob2` format: Open Badges 2.0 Assertions with their BadgeClass and Issuer (0.5, 1.0 and 1.1
/// upgraded on read; signed assertions and baked PNG/SVG images accepted).
///
/// Reads one JSON object, an array, JSON Lines mixing assertions with BadgeClass and Issuer
/// objects, compact JWS tokens or a baked image; BadgeClass and Issuer objects are supporting
/// objects, not records. Writes 2.0 assertions with the BadgeClass and Issuer embedded.
public enum OpenBadges2Format {
    /// The format id.
    public static let id = "ob2"

    /// The format's descriptor, resolving references within each input only.
    public static let descriptor = descriptor(resolvingWith: nil)

    /// The descriptor with a batch index of supporting objects (see ``OpenBadgesSupportIndex``).
    public static func descriptor(resolvingWith index: OpenBadgesSupportIndex?) -> FormatDescriptor {
        FormatDescriptor(
            id: id, displayName: "Open Badges 2.0 (Assertion, BadgeClass, Issuer)", fileExtensions: ["json"],
            options: WriterSettings.options,
            sniff: { OpenBadgesSniffer.ob2($0) },
            makeReader: { source, context in OpenBadgesReader(source: source, context: context, index: index) },
            makeWriter: { context throws(Diagnostic) in try OB2Writer(context: context) },
            writeRules: OB2WriteRules.all)
    }
}
