import Foundation
public import MicrocredModel

/// `email`: trims the learner's and organisations' e-mail addresses and lower-cases them, with a
/// note when that changes the value (the local part of an address is case-sensitive in theory).
public struct EmailNormalisation: NormalisationStage {
    public init() {}
    public var name: String { "email" }

    public func normalise(_ credential: inout Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        if let email = credential.learner.email {
            credential.learner.email = Self.normalised(email, field: "learner.email", diagnostics: &diagnostics)
        }
        for index in credential.awardingBodies.indices {
            if let email = credential.awardingBodies[index].email {
                credential.awardingBodies[index].email = Self.normalised(
                    email, field: "awardingBodies[\(index)].email", diagnostics: &diagnostics)
            }
        }
    }

    private static func normalised(_ email: String, field: @autoclosure () -> String, diagnostics: inout [Diagnostic]) -> String? {
        var trimmed = email.trimmingWhitespace()
        if trimmed.isEmpty { return nil }
        // Only letters A–Z and characters beyond ASCII can change when lower-cased.
        let mayChange = trimmed.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 || byte &- UInt8(ascii: "A") < 26 { return true }
            return false
        }
        var lowered = mayChange ? trimmed.lowercased() : trimmed
        if lowered != trimmed {
            diagnostics.append(
                .note(
                    "normalise.email-lowercased", "e-mail address '\(EmailMask.mask(trimmed))' lower-cased",
                    field: field()))
        }
        if !lowered.withUTF8(isPlausible) {
            diagnostics.append(
                .warning(
                    "value.invalid-email", "'\(EmailMask.mask(lowered))' is not an e-mail address",
                    hint: "an address has one '@' with text on both sides and a dot in the domain", field: field()))
        }
        return lowered
    }

    /// Whether the UTF-8 `bytes` look like an address: one `@` with text before it, no space, and
    /// a domain with a dot that neither begins nor ends it.
    private static func isPlausible(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // One pass: where the `@` is, and whether the domain after it has a dot.
        var at: Int?
        var domainHasDot = false
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: " "): return false
            case UInt8(ascii: "@"):
                guard at == nil, index > 0 else { return false }
                at = index
            case UInt8(ascii: "."):
                if at != nil { domainHasDot = true }
            default: break
            }
        }
        guard let at, domainHasDot else { return false }
        return bytes[at + 1] != UInt8(ascii: ".") && bytes[bytes.count - 1] != UInt8(ascii: ".")
    }
}
