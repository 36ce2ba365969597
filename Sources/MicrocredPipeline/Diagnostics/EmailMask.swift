/// Hides the local part of e-mail addresses in anything a user may share (diagnostics, reports).
public enum EmailMask {
    /// `j***@example.org` for `jane.doe@example.org`; text without `@` is returned unchanged.
    public static func mask(_ email: String) -> String {
        guard let at = email.firstIndex(of: "@") else { return email }
        let local = email[..<at]
        guard let first = local.first else { return email }
        return "\(first)***\(email[at...])"
    }
}
