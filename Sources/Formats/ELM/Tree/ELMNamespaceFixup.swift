import XMLSupport

/// Makes the namespace declarations of a tree agree with the namespaces its elements and
/// attributes are in, so that it can be written anywhere: every prefix used is bound where it is
/// used, and declarations that repeat a binding already in scope are dropped.
enum ELMNamespaceFixup {
    /// Prefix bindings in scope (`""` for the default namespace), innermost last. A tree has a
    /// handful, so a list searched from the end beats hashing every prefix.
    struct Scope {
        fileprivate var bindings: [(prefix: String, uri: String)] = []

        /// The namespace `prefix` is bound to; the default namespace is unbound (`""`) at first.
        fileprivate func uri(of prefix: String?) -> String? {
            let key = prefix ?? ""
            return bindings.last { $0.prefix == key }?.uri ?? (prefix == nil ? "" : nil)
        }
    }

    /// `element` with its declarations rewritten for the bindings in `scope`.
    static func fixed(_ element: XMLElement, scope: Scope = Scope()) -> XMLElement {
        var scope = scope
        var declarations: [XMLNamespaceDeclaration] = []
        for declaration in element.namespaceDeclarations {
            bind(declaration.prefix, declaration.uri, in: &scope, declaring: &declarations)
        }
        if let uri = element.namespaceURI {
            bind(element.prefix, uri, in: &scope, declaring: &declarations)
        } else if element.prefix == nil, scope.uri(of: nil) != "" {
            bind(nil, "", in: &scope, declaring: &declarations)
        }
        for attribute in element.attributes {
            if let prefix = attribute.prefix, let uri = attribute.namespaceURI {
                bind(prefix, uri, in: &scope, declaring: &declarations)
            }
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
        var copy = element
        copy.namespaceDeclarations = declarations
        copy.children = children
        return copy
    }

    /// Binds `prefix` to `uri` unless `scope` already does, declaring the binding.
    private static func bind(_ prefix: String?, _ uri: String, in scope: inout Scope, declaring declarations: inout [XMLNamespaceDeclaration]) {
        guard scope.uri(of: prefix) != uri else { return }
        declarations.append(XMLNamespaceDeclaration(prefix: prefix, uri: uri))
        scope.bindings.append((prefix ?? "", uri))
    }
}
