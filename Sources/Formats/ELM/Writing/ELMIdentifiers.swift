import MicrocredModel
import MicrocredPipeline

/// The ids of a written credential: the model's ids where it has them, otherwise name-based UUIDs
/// derived from the credential's id (itself derived from the credential's content when missing),
/// so the same credential always gets the same ids.
struct ELMIdentifiers {
    /// The credential's `cred:id`.
    let credential: String

    /// The ids for `credential` (borrowed, not copied, unless its id has to be derived).
    init(_ credential: borrowing Credential) {
        if let id = credential.id?.trimmingWhitespace(), !id.isEmpty {
            self.credential = id
        } else {
            var content = copy credential
            content.unmapped = []
            let json = (try? JSONValueEncoder().encode(content)).map { JSONSerializer().string($0) } ?? ""
            self.credential = "urn:credential:" + NameBasedUUID.text(for: "elm-xml|" + json)
        }
    }

    /// The id of a part of the credential (`urn:epass:org:<uuid>`), derived from its role.
    func derived(_ kind: String, _ role: String) -> String {
        NameBasedUUID.identifier(prefix: ["urn:epass:", kind, ":"], name: [credential, "#", kind, "/", role])
    }
}
