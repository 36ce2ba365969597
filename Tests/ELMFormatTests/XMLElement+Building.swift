@testable import ELMFormat
import XMLSupport

/// Building small credential trees in tests.
extension XMLElement {
    /// An element in the credential namespace holding `children`.
    static func snb(_ local: String, children: [XMLElement] = []) -> XMLElement {
        snb(local, attributes: [], children: children.map { .element($0) })
    }

    /// An element in the credential namespace, its attributes and children given as they are stored.
    static func snb(_ local: String, attributes: [XMLAttribute], children: [XMLElement.Child]) -> XMLElement {
        XMLElement(localName: local, namespaceURI: ELMNamespace.snb, attributes: attributes, children: children)
    }

    /// An element in the credential namespace holding only text.
    static func snb(_ local: String, text: String) -> XMLElement {
        snb(local, attributes: [], children: text.isEmpty ? [] : [.text(text)])
    }

    /// The element as the reader has it: recorded, and indexed for reading in place.
    var asRead: XMLRecordedTree.Element {
        XMLRecordedTree(XMLRecordedElement(recording: self)).root
    }
}
