public import MicrocredPipeline

/// The `ob3` format: Open Badges 3.0 OpenBadgeCredential / AchievementCredential (W3C VC 2.0; the
/// VC 1.1 form, VC-JWT and baked PNG/SVG images accepted on read).
///
/// Reads one JSON object, an array, JSON Lines, compact VC-JWT tokens or a baked image; OB 2.0
/// assertions met on the way are read too (see `docs/openbadges.md`). Writes credentials that
/// validate against the 1EdTech JSON Schema: JSON Lines as a batch, a pretty-printed document per
/// file with `--split`, or baked images with `--to-option bake=TEMPLATE`.
public enum OpenBadges3Format {
    /// The format id.
    public static let id = "ob3"

    /// The format's descriptor, resolving OB 2.0 references within each input only.
    public static let descriptor = descriptor(resolvingWith: nil)

    /// The descriptor with a batch index of OB 2.0 supporting objects, so assertions read through
    /// it resolve BadgeClass and Issuer references across the inputs of a batch.
    public static func descriptor(resolvingWith index: OpenBadgesSupportIndex?) -> FormatDescriptor {
        FormatDescriptor(
            id: id, displayName: "Open Badges 3.0 (OpenBadgeCredential, VC 2.0)", fileExtensions: ["json", "jwt", "jws"],
            options: WriterSettings.options,
            sniff: { OpenBadgesSniffer.ob3($0) },
            makeReader: { source, context in OpenBadgesReader(source: source, context: context, index: index) },
            makeWriter: { context throws(Diagnostic) in try OB3Writer(context: context) },
            writeRules: OB3WriteRules.all)
    }
}
