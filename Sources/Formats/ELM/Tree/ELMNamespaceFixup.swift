import XMLSupport

/// Makes the namespace declarations of a tree agree with the namespaces its elements and
/// attributes are in, so that it can be written anywhere: every prefix used is bound where it is
/// used, and declarations that repeat a binding already in scope are dropped.
enum ELMNamespaceFixup {
    /// Prefix bindings in scope, by prefix (`""` for the default namespace).
    typealias Scope = [String: String]

    /// `element` with its declarations rewritten for the bindings in `scope`.
    static func fixed(_ element: XMLElement, scope: Scope = [:]) -> XMLElement {
        var copy = element
        var scope = scope
        var declarations: [XMLNamespaceDeclaration] = []
        func bind(_ prefix: String?, _ uri: String) {
            let key = prefix ?? ""
            let current = scope[key] ?? (prefix == nil ? "" : nil)
            guard current != uri else { return }
            declarations.append(XMLNamespaceDeclaration(prefix: prefix, uri: uri))
            scope[key] = uri
        }
        for declaration in element.namespaceDeclarations {
            bind(declaration.prefix, declaration.uri)
        }
        if element.prefix != nil || element.namespaceURI != nil || scope[""] != nil {
            if let uri = element.namespaceURI {
                bind(element.prefix, uri)
            } else if element.prefix == nil {
                bind(nil, "")
            }
        }
        for attribute in element.attributes {
            if let prefix = attribute.prefix, let uri = attribute.namespaceURI { bind(prefix, uri) }
        }
        var children = element.children
        var changed = declarations != element.namespaceDeclarations
        for index in children.indices {
            guard case .element(let inner) = children[index] else { continue }
            let fixedInner = fixed(inner, scope: scope)
            if !fixedInner.isIdentical(to: inner) {
                children[index] = .element(fixedInner)
                changed = true
            }
        }
        // Note: a subtree that needs no change is returned as it is, so a tree whose
        // declarations are already right is not copied.
        guard changed else { return element }
        copy.namespaceDeclarations = declarations
        copy.children = children
        return copy
    }
}
