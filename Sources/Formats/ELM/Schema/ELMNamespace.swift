/// The namespaces and fixed values of Europass credential XML (`genericschema_1.2.xsd`).
enum ELMNamespace {
    /// The schema's target namespace, the default namespace of a credential.
    static let snb = "http://data.europa.eu/snb"
    /// The W3C verifiable-credential fields (`cred:id`, `cred:issued`, `cred:issuer`…).
    static let cred = "http://data.europa.eu/europass/model/credentials/w3c#"
    /// XML Schema instance attributes (`xsi:schemaLocation`).
    static let xsi = "http://www.w3.org/2001/XMLSchema-instance"
    /// The namespace of the EDC issuer's bulk-upload wrapper `europassCredentials`.
    static let upload = "http://data.europa.eu/snbUpload"

    /// The prefixes written for the namespaces above.
    static let credPrefix = "cred"
    static let xsiPrefix = "xsi"

    /// The `xsi:schemaLocation` written on every credential.
    static let schemaLocation =
        "http://data.europa.eu/snb http://publications.europa.eu/resource/schema/credential/genericschema_1.2.xsd"
    /// The only `xsdVersion` the schema allows.
    static let xsdVersion = "0.10.0"

    /// The credential element's local name.
    static let credential = "europassCredential"
    /// The bulk wrapper's local name.
    static let wrapper = "europassCredentials"

    /// The names the reader gives as these constants' strings, so that comparing a document's
    /// names with them is cheap: the namespaces, and the schema's element names.
    static let knownNames: Set<String> =
        Set([snb, cred, xsi, upload, credential, wrapper, credPrefix, xsiPrefix])
        .union(ELMSchemaOrder.children.values.joined().map(\.local))
        .union(ELMSchemaOrder.children.keys)

    /// Well-known prefixes, used to write readable unmapped-field paths.
    static let knownPrefixes: [String: String] = [cred: credPrefix, xsi: xsiPrefix, "http://www.w3.org/2000/09/xmldsig#": "ds"]
}
