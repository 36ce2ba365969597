import MicrocredModel
import XMLSupport

/// Works out what the model does not hold: compares the credential as read with the document the
/// writer would build from the mapped model, container by container, and keeps every element and
/// attribute of the source that the writer would not reproduce, as unmapped fields
/// (`format: "elm-xml"`, the path, the XML fragment or attribute value).
///
/// The comparison goes by child name, in schema order. When the source and the built document
/// both have exactly one child of a name and it is a container, the comparison goes inside it;
/// otherwise all the source's children of that name are kept as they are unless the built ones
/// are the same. Attributes that differ are kept one by one. The fields come out in the order the
/// writer puts them back, so reading what was written gives the same fields again.
enum ELMResidueExtractor {
    static let format = "elm-xml"

    /// The unmapped fields of `source` against `built`.
    static func residues(source: XMLElement, built: XMLElement) -> [UnmappedField] {
        var fields: [UnmappedField] = []
        var path = ContainerPath()
        compare(source, built, path: &path, into: &fields)
        return fields
    }

    /// The path of the container being compared, spelled out only when a field is kept in it
    /// (most containers keep none).
    private struct ContainerPath {
        /// The containers entered below the credential element.
        private var containers: [ELMName] = []

        mutating func enter(_ container: ELMName) { containers.append(container) }
        mutating func leave() { containers.removeLast() }

        var text: String { containers.reduce(ELMPath.root, ELMPath.container) }
    }

    /// The child elements of `element` grouped by name, the groups in order of first appearance.
    /// (Containers have a handful of children, so a list beats a dictionary here.)
    private static func groups(of element: XMLElement) -> [(name: ELMName, elements: [XMLElement])] {
        var groups: [(name: ELMName, elements: [XMLElement])] = []
        for case .element(let child) in element.children {
            if let index = groups.firstIndex(where: { $0.name.local == child.localName && $0.name.namespace == child.namespaceURI }) {
                groups[index].elements.append(child)
            } else {
                groups.append((ELMName(of: child), [child]))
            }
        }
        return groups
    }

    private static func compare(_ source: XMLElement, _ built: XMLElement, path: inout ContainerPath, into fields: inout [UnmappedField]) {
        // Most containers are built as the source has them, and equivalent ones keep nothing:
        // one test spares grouping and walking their children.
        if ELMTreeEquivalence.equivalent(source, built) { return }
        for attribute in source.attributes {
            let builtValue = built.attribute(attribute.localName, namespaceURI: attribute.namespaceURI)
            if builtValue != attribute.value {
                fields.append(UnmappedField(format: format, path: ELMPath.attribute(path.text, attribute), value: .string(attribute.value)))
            }
        }
        let container = ELMName(of: source)
        if compareInSameOrder(source, built, container: container, path: &path, into: &fields) { return }
        let sourceGroups = groups(of: source)
        let builtGroups = groups(of: built)
        for name in ELMSchemaOrder.sorted(sourceGroups.map(\.name), in: container) {
            let kept = sourceGroups.first { $0.name == name }?.elements ?? []
            let rebuilt = builtGroups.first { $0.name == name }?.elements ?? []
            compareGroup(name, kept: kept[...], rebuilt: rebuilt[...], path: &path, into: &fields)
        }
    }

    /// Compares the children of one name: goes inside a container both have exactly one of,
    /// else keeps all the source's children of the name unless the built ones are the same.
    private static func compareGroup(
        _ name: ELMName, kept: ArraySlice<XMLElement>, rebuilt: ArraySlice<XMLElement>, path: inout ContainerPath,
        into fields: inout [UnmappedField]
    ) {
        if kept.count == 1, rebuilt.count == 1, ELMSchemaOrder.isContainer(name) {
            path.enter(name)
            compare(kept[kept.startIndex], rebuilt[rebuilt.startIndex], path: &path, into: &fields)
            path.leave()
        } else if !ELMTreeEquivalence.equivalent(kept, rebuilt) {
            let parent = path.text
            for (position, element) in kept.enumerated() {
                let fragment = (try? ELMFragment.serialize(element)) ?? ""
                fields.append(
                    UnmappedField(format: format, path: ELMPath.keptChild(parent, element, position: position + 1), value: .string(fragment)))
            }
        }
    }

    /// The comparison of the children in the usual case, without grouping them: the built
    /// children have the names of the source's, in the same order, and the children of each name
    /// are next to each other. Returns `false`, having added nothing, when that is not so.
    ///
    /// The groups are compared in document order; when more than one of them adds fields, the
    /// fields are put in schema order of their groups, as the grouping comparison adds them.
    private static func compareInSameOrder(
        _ source: XMLElement, _ built: XMLElement, container: ELMName, path: inout ContainerPath, into fields: inout [UnmappedField]
    ) -> Bool {
        let kept = source.elements
        let rebuilt = built.elements
        guard kept.count == rebuilt.count else { return false }
        var runs: [Range<Int>] = []
        for index in kept.indices {
            guard isSameName(kept[index], rebuilt[index]) else { return false }
            if let last = runs.last, isSameName(kept[index], kept[last.lowerBound]) {
                runs[runs.count - 1] = last.lowerBound..<index + 1
            } else {
                guard !runs.contains(where: { isSameName(kept[$0.lowerBound], kept[index]) }) else { return false }
                runs.append(index..<index + 1)
            }
        }
        var added: [(name: ELMName, fields: Range<Int>)] = []
        for run in runs {
            let name = ELMName(of: kept[run.lowerBound])
            let start = fields.count
            compareGroup(name, kept: kept[run], rebuilt: rebuilt[run], path: &path, into: &fields)
            if fields.count > start { added.append((name, start..<fields.count)) }
        }
        if added.count > 1 {
            let order = ELMSchemaOrder.sorted(added.map(\.name), in: container)
            let reordered = order.flatMap { name in added.first { $0.name == name }.map { fields[$0.fields] } ?? [] }
            fields.replaceSubrange(added[0].fields.lowerBound..., with: reordered)
        }
        return true
    }

    private static func isSameName(_ lhs: XMLElement, _ rhs: XMLElement) -> Bool {
        lhs.localName == rhs.localName && lhs.namespaceURI == rhs.namespaceURI
    }
}
