import MicrocredPipeline
import XMLSupport

/// Repairs the known problems of real credential files in the tree, before it is mapped, each with
/// a note: the repaired value is then what is mapped and what is written back.
///
/// - the EDC software's `<language><language>en</language></language>` list becomes
///   `<availableLanguages>`;
/// - white space around `uri`, `targetFrameworkUrl`, `id` and `idref` values is removed;
/// - a date of birth stored as a date-time becomes the date it stands for;
/// - a workload or volume of learning of months only, more than 24 (`P60M`), becomes hours.
struct ELMSourceRepair {
    private(set) var diagnostics: [Diagnostic] = []

    /// Whether white space around the value of an attribute named `name` (in a namespace when
    /// `hasNamespace`) is removed. (The look covers every attribute of every record, so names are
    /// told apart by their length first, which rules out nearly all of them without comparing any
    /// text.)
    static func isTrimmed(_ name: String, hasNamespace: Bool) -> Bool {
        guard !hasNamespace else { return false }
        switch name.utf8.count {
        case 2 where name == "id", 3 where name == "uri", 5 where name == "idref", 18 where name == "targetFrameworkUrl":
            return true
        default:
            return false
        }
    }

    /// Whether an element named `name` in `namespaceURI` holds a workload or volume of learning
    /// (names told apart by length first, as in ``isTrimmed(_:hasNamespace:)``).
    static func isWorkload(_ name: String, namespaceURI: String?) -> Bool {
        switch name.utf8.count {
        case 8 where name == "workload", 16 where name == "volumeOfLearning":
            return namespaceURI == ELMNamespace.snb
        default:
            return false
        }
    }

    /// Whether `root`, surveyed as `survey`, has anything to repair: a quick read-only look, so
    /// that the common case of a clean credential is not copied.
    static func needsRepair(_ root: XMLRecordedTree.Element, survey: ELMTreeSurvey) -> Bool {
        if survey.hasValueToRepair { return true }
        for case .element(let child) in root.children {
            if child.localName == "language", child.namespaceURI == ELMNamespace.snb, child.hasElementChildren { return true }
            if child.localName == "credentialSubject", child.namespaceURI == ELMNamespace.snb,
                let birth = child.child("dateOfBirth"), case .repaired = ELMDates.birthDate(birth.text)
            {
                return true
            }
        }
        return false
    }

    /// Repairs `root` in place.
    mutating func repair(_ root: inout XMLElement) {
        for index in root.children.indices {
            guard case .element(var child) = root.children[index] else { continue }
            if child.localName == "language", child.namespaceURI == ELMNamespace.snb, child.hasElementChildren {
                child.localName = "availableLanguages"
                diagnostics.append(
                    note(
                        ELMCode.languageWrapper,
                        "the language list is wrapped in <language> (EDC software dialect); read as <availableLanguages>",
                        at: child, field: "/europassCredential/language"))
            }
            if child.localName == "credentialSubject", child.namespaceURI == ELMNamespace.snb {
                repairDateOfBirth(in: &child)
            }
            root.children[index] = .element(child)
        }
        repairValues(in: &root, path: ELMPath.root)
    }

    private mutating func repairDateOfBirth(in subject: inout XMLElement) {
        for index in subject.children.indices {
            guard case .element(var child) = subject.children[index], child.localName == "dateOfBirth",
                child.namespaceURI == ELMNamespace.snb, case .repaired(let date, let reason) = ELMDates.birthDate(child.text)
            else { continue }
            diagnostics.append(
                note(
                    ELMCode.dateOfBirthRepaired, "date of birth \(reason)", at: child,
                    field: "/europassCredential/credentialSubject/dateOfBirth",
                    hint: "write dates of birth as xs:date (YYYY-MM-DD)"))
            child.children = [.text(date.description)]
            subject.children[index] = .element(child)
        }
    }

    private mutating func repairValues(in element: inout XMLElement, path: String) {
        for index in element.attributes.indices
        where Self.isTrimmed(element.attributes[index].localName, hasNamespace: element.attributes[index].namespaceURI != nil) {
            let value = element.attributes[index].value
            let trimmed = value.trimmingWhitespace()
            guard trimmed != value else { continue }
            element.attributes[index].value = trimmed
            diagnostics.append(
                note(
                    ELMCode.uriWhitespace,
                    "removed white space around \(element.attributes[index].localName) '\(value)'", at: element,
                    field: path))
        }
        if Self.isWorkload(element.localName, namespaceURI: element.namespaceURI), case .months(let months) = ELMDuration.read(element.text), months > 24
        {
            diagnostics.append(
                note(
                    ELMCode.monthsReadAsHours,
                    "\(element.localName) '\(element.text.trimmingWhitespace())' is \(months) months; read as \(months) hours (PT\(months)H)",
                    at: element, field: path, hint: "hours are written PT\(months)H; P\(months)M means months"))
            element.children = [.text("PT\(months)H")]
        }
        for index in element.children.indices {
            guard case .element(var child) = element.children[index] else { continue }
            repairValues(in: &child, path: path + "/" + ELMName(of: child).description)
            element.children[index] = .element(child)
        }
    }

    private func note(_ code: String, _ message: String, at element: XMLElement, field: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(
            code: code, severity: .note, message: message, hint: hint,
            location: SourceLocation(line: element.line == 0 ? nil : element.line, column: element.column == 0 ? nil : element.column, field: field))
    }
}
