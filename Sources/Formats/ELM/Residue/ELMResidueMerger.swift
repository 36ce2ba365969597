import MicrocredModel
import MicrocredPipeline
import XMLSupport

/// Puts the XML kept from an `elm-xml` source (the credential's `elm-xml` unmapped fields) back
/// into a built document: kept attributes replace built ones, kept elements replace the built
/// children of the same name, in schema order. Kept XML with no place in the document (its
/// container is not built, or the schema does not allow it there) is reported, not written.
struct ELMResidueMerger {
    /// One kept element or attribute, parsed.
    private struct Kept {
        var field: UnmappedField
        var step: ELMPath.Step
        var element: XMLElement?
    }

    private var byParent: [String: [Kept]] = [:]
    private var placedParents: Set<String> = []
    private(set) var diagnostics: [Diagnostic] = []

    /// Parses the `elm-xml` unmapped fields of `credential` (borrowed, not copied).
    init(_ credential: borrowing Credential) {
        for field in credential.unmapped where field.format == ELMResidueExtractor.format {
            guard let (parent, step) = ELMPath.split(field.path), case .string(let value) = field.value else {
                notWritten(field, "its path or value is not one the elm-xml reader writes")
                continue
            }
            var kept = Kept(field: field, step: step)
            if case .element = step {
                do {
                    kept.element = try ELMFragment.parse(value)
                } catch {
                    notWritten(field, "its XML is not well-formed (\(error))")
                    continue
                }
            }
            byParent[parent, default: []].append(kept)
        }
    }

    /// Whether there is kept XML to merge.
    var isEmpty: Bool { byParent.isEmpty }

    /// The ids of the `accreditation` elements in the kept XML.
    var accreditationIDs: Set<String> {
        var ids: Set<String> = []
        var pending = byParent.values.flatMap { $0.compactMap(\.element) }
        while let element = pending.popLast() {
            if element.localName == "accreditation", let id = element.attribute("id") { ids.insert(id) }
            pending.append(contentsOf: element.elements)
        }
        return ids
    }

    /// `built` with the kept XML merged in.
    mutating func merge(into built: XMLElement) -> XMLElement {
        let merged = merge(built, path: ELMPath.root)
        for (parent, kept) in byParent where !placedParents.contains(parent) {
            for item in kept { notWritten(item.field, "the element it belongs in is not written") }
        }
        return merged
    }

    private mutating func merge(_ element: XMLElement, path: String) -> XMLElement {
        let kept = byParent[path] ?? []
        guard !kept.isEmpty || hasKept(below: path) else { return element }
        placedParents.insert(path)
        var result = element
        for item in kept {
            guard case .attribute(let name) = item.step, case .string(let value) = item.field.value else { continue }
            result.attributes.removeAll { ELMName(of: $0) == name }
            let prefix = name.namespace.flatMap { ELMNamespace.knownPrefixes[$0] }
            if name.namespace != nil, prefix == nil {
                notWritten(item.field, "its namespace has no known prefix")
                continue
            }
            result.attributes.append(XMLAttribute(localName: name.local, namespaceURI: name.namespace, prefix: prefix, value: value))
        }
        let container = ELMName(of: element)
        let order = ELMSchemaOrder.order(of: container) ?? []
        var keptByName: [ELMName: [XMLElement]] = [:]
        for item in kept {
            guard case .element(let name) = item.step, let child = item.element else { continue }
            guard order.contains(name) else {
                notWritten(item.field, "genericschema_1.2 does not allow \(name) in \(container)")
                continue
            }
            keptByName[name, default: []].append(child)
        }
        var names: [ELMName] = []
        for child in element.elements where !names.contains(ELMName(of: child)) { names.append(ELMName(of: child)) }
        for name in keptByName.keys where !names.contains(name) { names.append(name) }
        var children: [(element: XMLElement, isKept: Bool)] = []
        for name in ELMSchemaOrder.sorted(names, in: container) {
            if let elements = keptByName[name] {
                children += elements.map { ($0, true) }
                continue
            }
            let built = element.elements.filter { ELMName(of: $0) == name }
            if built.count == 1, ELMSchemaOrder.isContainer(name) {
                children.append((merge(built[0], path: ELMPath.container(path, name)), false))
            } else {
                children += built.map { ($0, false) }
            }
        }
        let keptIDs = Set(children.filter(\.isKept).compactMap { $0.element.attribute("id") })
        children.removeAll { !$0.isKept && $0.element.attribute("id").map(keptIDs.contains) == true }
        result.children = children.map { .element($0.element) }
        return result
    }

    private func hasKept(below path: String) -> Bool {
        let prefix = path + "/"
        return byParent.keys.contains { $0.hasPrefix(prefix) }
    }

    private mutating func notWritten(_ field: UnmappedField, _ reason: String) {
        diagnostics.append(
            .warning(
                ELMCode.unmappedNotWritten, "kept XML at '\(field.path)' is not written: \(reason)",
                hint: "the credential's structure changed since it was read", field: field.path))
    }
}
