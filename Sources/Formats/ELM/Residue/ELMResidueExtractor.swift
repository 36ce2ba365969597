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
        compare(source, built, path: ELMPath.root, into: &fields)
        return fields
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

    private static func compare(_ source: XMLElement, _ built: XMLElement, path: String, into fields: inout [UnmappedField]) {
        for attribute in source.attributes {
            let builtValue = built.attribute(attribute.localName, namespaceURI: attribute.namespaceURI)
            if builtValue != attribute.value {
                fields.append(UnmappedField(format: format, path: ELMPath.attribute(path, attribute), value: .string(attribute.value)))
            }
        }
        let container = ELMName(of: source)
        let sourceGroups = groups(of: source)
        let builtGroups = groups(of: built)
        for name in ELMSchemaOrder.sorted(sourceGroups.map(\.name), in: container) {
            let kept = sourceGroups.first { $0.name == name }?.elements ?? []
            let rebuilt = builtGroups.first { $0.name == name }?.elements ?? []
            if kept.count == 1, rebuilt.count == 1, ELMSchemaOrder.order(of: name) != nil {
                compare(kept[0], rebuilt[0], path: ELMPath.container(path, name), into: &fields)
            } else if !ELMTreeEquivalence.equivalent(kept, rebuilt) {
                for (position, element) in kept.enumerated() {
                    let fragment = (try? ELMFragment.serialize(element)) ?? ""
                    fields.append(
                        UnmappedField(
                            format: format, path: ELMPath.keptChild(path, element, position: position + 1), value: .string(fragment)))
                }
            }
        }
    }
}
