import ByteOutput
import MicrocredModel
import XMLSupport

/// Elements of `CodeType`: a concept with its English label.
enum ELMCodes {
    /// Writes the element `local` naming `concept`: to a sink that takes shared elements (a tree,
    /// a writer of bytes), the one ``code(_:_:)`` gives; to any other, part by part, which costs
    /// less than looking it up and walking it.
    static func write<Output: XMLContentSink & ~Copyable>(_ local: String, _ concept: ELMConcept, to output: inout Output) {
        if Output.takesSharedElements {
            output.addShared(code(local, concept))
        } else {
            writeParts(local, concept, to: &output)
        }
    }

    /// The element `local` naming `concept`.
    ///
    /// A batch names the same few concepts in every credential, so each element is built once and
    /// shared: a tree holds it for one reference count, and a writer copies the bytes it was
    /// written as once.
    static func code(_ local: String, _ concept: ELMConcept) -> XMLSharedElement {
        built.value(for: Key(local: local, concept: concept)) {
            var tree = XMLTreeBuilder()
            writeParts(local, concept, to: &tree)
            return XMLSharedElement(tree.elements[0])
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
        /// as the vocabulary's strings are from one credential to the next. Stored bytes are read
        /// in place (copying a stored string to call `withUTF8` costs a reference count); a small
        /// string, held in the value itself, is copied for free.
        private static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
            guard lhs.utf8.count == rhs.utf8.count else { return false }
            let compared = lhs.utf8.withContiguousStorageIfAvailable { left in
                rhs.utf8.withContiguousStorageIfAvailable { right in left.baseAddress == right.baseAddress || ByteComparison.equal(left, right) }
            }
            if let compared = compared.flatMap({ $0 }) { return compared }
            var lhs = lhs
            var rhs = rhs
            return lhs.withUTF8 { left in rhs.withUTF8 { right in ByteComparison.equal(left, right) } }
        }
    }

    /// The elements built so far.
    private static let built = BoundedCache<Key, XMLSharedElement>(capacity: 1024)
}
