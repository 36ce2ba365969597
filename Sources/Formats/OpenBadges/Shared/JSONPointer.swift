import Foundation

/// JSON Pointers (RFC 6901), the paths of unmapped Open Badges fields (`/credentialSubject/term`).
enum JSONPointer {
    /// `pointer` extended by the member name `token`, escaped.
    static func appending(_ pointer: String, _ token: String) -> String {
        pointer + "/" + escape(token)
    }

    /// `pointer` extended by an array index.
    static func appending(_ pointer: String, _ index: Int) -> String {
        pointer + "/" + String(index)
    }

    /// `token` with `~` and `/` escaped.
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The unescaped reference tokens of `pointer`, or `nil` when it is not a pointer.
    static func tokens(_ pointer: String) -> [String]? {
        guard !pointer.isEmpty else { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { token in
            token.utf8.contains(UInt8(ascii: "~")) ? token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") : String(token)
        }
    }
}
