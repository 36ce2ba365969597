import XMLSupport

/// What one pass over a credential's elements, in document order, finds for the checks that look
/// at every element: the elements by `id`, whether an `idref` names none of them, whether a value
/// needs repair, and whether a contact point has no address.
///
/// One pass serves them all because visiting the elements costs more than the looks themselves;
/// the paths that diagnostics name are worked out by a walk of the tree only when one is needed.
struct ELMTreeSurvey {
    /// The first element with each `id`, in document order.
    private(set) var index = ELMIdIndex()
    /// Whether an `id`, `idref`, `uri` or `targetFrameworkUrl` value has white space around it, or
    /// a workload or volume of learning is months only and more than 24 (see ``ELMSourceRepair``).
    private(set) var hasValueToRepair = false
    /// Whether a `contactPoint` has neither a `mailBox` nor a `wallet`.
    private(set) var hasInvalidContactPoint = false
    /// Every `idref` value, in document order.
    private var references: [String] = []

    /// Surveys every element of `tree`.
    init(_ tree: XMLRecordedTree) {
        tree.walkElements { element in visit(element) }
    }

    /// Whether an `idref` names no element of the credential.
    var hasUnresolvedReference: Bool {
        references.contains { index[$0] == nil }
    }

    private mutating func visit(_ element: borrowing XMLRecordedTree.ElementInWalk) {
        // The attributes whose values are trimmed include the `id`s and `idref`s; the values are
        // looked at in place, and made strings of only for those two.
        element.forEachAttribute { attribute in
            guard ELMSourceRepair.isTrimmed(attribute.localName, hasNamespace: attribute.hasNamespace) else { return }
            let name = attribute.localName
            if name == "id" {
                index.add(element.element, id: attribute.value)
            } else if name == "idref" {
                references.append(attribute.value)
            }
            if !hasValueToRepair, !attribute.valueHasSolidASCIIEdges, attribute.value.trimmingWhitespace() != attribute.value {
                hasValueToRepair = true
            }
        }
        let (localName, namespaceURI) = (element.localName, element.namespaceURI)
        if !hasValueToRepair, ELMSourceRepair.isWorkload(localName, namespaceURI: namespaceURI),
            (ELMDuration.monthsOnly(element.element.text) ?? 0) > 24
        {
            hasValueToRepair = true
        }
        if !hasInvalidContactPoint, ELMCredentialMapper.isContactPoint(localName, namespaceURI: namespaceURI),
            ELMCredentialMapper.isInvalidContactPoint(element.element)
        {
            hasInvalidContactPoint = true
        }
    }
}
