import MicrocredModel
import XMLSupport

/// Elements of `CodeType`: a concept with its English label.
enum ELMCodes {
    /// Writes the element `local` naming `concept`: to a sink that keeps the elements added to it
    /// (a tree), the shared element ``code(_:_:)`` builds; to any other, element by element, which
    /// costs less than walking the shared element.
    static func write<Output: XMLContentSink & ~Copyable>(_ local: String, _ concept: ELMConcept, to output: inout Output) {
        if Output.keepsAddedElements {
            output.addElement(code(local, concept))
        } else {
            writeParts(local, concept, to: &output)
        }
    }

    /// The element `local` naming `concept`.
    ///
    /// A batch names the same few concepts in every credential, so each element is built once and
    /// shared: a copy costs one reference count, and the credentials that hold it free nothing.
    static func code(_ local: String, _ concept: ELMConcept) -> XMLElement {
        built.value(for: Key(local: local, concept: concept)) {
            var tree = XMLTreeBuilder()
            writeParts(local, concept, to: &tree)
            return tree.elements[0]
        }
    }

    /// `local` with `uri`, `targetFrameworkUrl` and an English `targetName`.
    private static func writeParts<Output: XMLContentSink & ~Copyable>(_ local: String, _ concept: ELMConcept, to output: inout Output) {
        output.open(local)
        output.attribute("targetFrameworkUrl", concept.scheme)
        output.attribute("uri", concept.iri)
        output.open("targetName")
        ELMTexts.write(language: "en", concept.label, to: &output)
        output.close()
        output.close()
    }

    /// What a concept element is built from, compared byte for byte: Swift's `==` would take a
    /// label spelled with a precomposed `é` for one spelled with `e` and a combining accent, and
    /// hand one the element built for the other.
    private struct Key: Hashable, Sendable {
        var local: String
        var concept: ELMConcept

        static func == (lhs: Key, rhs: Key) -> Bool {
            sameBytes(lhs.local, rhs.local) && sameBytes(lhs.concept.iri, rhs.concept.iri)
                && sameBytes(lhs.concept.label, rhs.concept.label) && sameBytes(lhs.concept.scheme, rhs.concept.scheme)
        }

        /// The IRI alone: it nearly always tells concepts apart, and hashing one string instead
        /// of four is most of the cost of a look-up. (Strings equal byte for byte hash alike.)
        func hash(into hasher: inout Hasher) {
            hasher.combine(concept.iri)
        }

        /// Whether the two hold the same UTF-8 bytes; at once when they are the same stored bytes,
        /// as the vocabulary's strings are from one credential to the next. (Reading the stored
        /// bytes in place: copying the strings to call `withUTF8` costs ~1% of csv → elm-xml.)
        private static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
            guard lhs.utf8.count == rhs.utf8.count else { return false }
            let compared = lhs.utf8.withContiguousStorageIfAvailable { left in
                rhs.utf8.withContiguousStorageIfAvailable { right in left.baseAddress == right.baseAddress || left.elementsEqual(right) }
            }
            return compared.flatMap { $0 } ?? lhs.utf8.elementsEqual(rhs.utf8)
        }
    }

    /// The elements built so far.
    private static let built = BoundedCache<Key, XMLElement>(capacity: 1024)
}
