import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing
@testable import OpenBadgesFormat

/// Reads OB 2.0 refdata examples together with the BadgeClass and Issuer files of their batch.
enum OB2Batch {
    /// The supporting files each group of examples resolves its references with.
    static let supportFiles = [
        "ob2/examples/validator": ["assets__robotics-badge.json", "assets__organization.json", "assets__badge-with-data-image.json", "assets__badgeclass-with-complex-image.json", "assets__organization-with-revocation-list.json", "assets__key1.json", "assets__revocation-list.json", "assets__endorsement-1.json", "badge-class-with-language.json"],
        "ob2/examples/spec": ["issuer-profile-example.json", "cryptographickey-example.json", "revocationlist-example.json", "endorsement-examples-2.json"],
        "legacy/examples/validator-core": ["2_0_basic_badgeclass.json", "2_0_basic_issuer.json"],
        "baking": [],
    ]

    /// The index of the supporting files of `folder` (and, for the spec and baking examples, the
    /// validator's robotics badge they refer to).
    static func index(for folder: String) -> OpenBadgesSupportIndex? {
        var files = (supportFiles[folder] ?? []).map { folder + "/" + $0 }
        if folder != "ob2/examples/validator" {
            files += ["ob2/examples/validator/assets__robotics-badge.json", "ob2/examples/validator/assets__organization.json"]
        }
        var inputs: [InputSource] = []
        for file in files {
            guard let url = RefData.url("openbadges/" + file) else { return nil }
            inputs.append(.file(url.path))
        }
        return OpenBadgesSupportIndex.scan(inputs).index
    }

    /// The outcomes of reading `path` (relative to refdata/openbadges) with its batch.
    static func read(_ path: String, format: FormatDescriptor? = nil) throws -> [OpenBadgesHarness.Outcome]? {
        let folder = (path as NSString).deletingLastPathComponent
        guard let url = RefData.url("openbadges/" + path), let index = index(for: folder) else { return nil }
        return try OpenBadgesHarness.read(url, format: format ?? OpenBadges2Format.descriptor(resolvingWith: index))
    }
}
