internal import CLibXML2

extension XMLSAXContext {
    /// The SAX handler for a push parser whose user data is an unretained `XMLSAXContext`.
    ///
    /// It sets no entity lookup, no external subset loading and no tree building: libxml2 only
    /// tokenises and checks well-formedness, and every callback forwards to the context. libxml2
    /// copies the handler when it creates the parser.
    static func makeHandler() -> xmlSAXHandler {
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(truncatingIfNeeded: XML_SAX2_MAGIC)
        handler.serror = XMLIssueCollector.handler
        handler.startElementNs = {
            context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
            guard let context = saxContext(context), let localName else { return }
            context.elementStarted(
                localName: context.names.name(localName), prefix: prefix.map { context.names.name($0) },
                namespaceURI: uri.map { context.names.name($0) },
                attributes: SAXAttributes(fields: attributes, count: Int(attributeCount)),
                namespaceDeclarations: saxNamespaceDeclarations(namespaces, count: Int(namespaceCount), names: &context.names))
        }
        handler.endElementNs = { context, _, _, _ in
            saxContext(context)?.elementEnded()
        }
        handler.characters = { context, characters, length in
            guard let context = saxContext(context), let characters, length > 0 else { return }
            context.charactersFound(UnsafeBufferPointer(start: characters, count: Int(length)))
        }
        handler.ignorableWhitespace = handler.characters
        handler.comment = { context, value in
            saxContext(context)?.commentFound(value.map { String(cString: $0) } ?? "")
        }
        handler.processingInstruction = { context, target, data in
            saxContext(context)?.processingInstructionFound(
                target: target.map { String(cString: $0) } ?? "", data: data.map { String(cString: $0) } ?? "")
        }
        handler.internalSubset = { context, name, _, _ in
            saxContext(context)?.internalSubsetStarted(name: name.map { String(cString: $0) } ?? "")
        }
        // Note: libxml2 calls `externalSubset` when the document type declaration ends, to let the
        // handler load the external DTD. This one loads nothing; it only marks the end.
        handler.externalSubset = { context, _, _, _ in
            saxContext(context)?.internalSubsetEnded()
        }
        handler.entityDecl = { context, name, type, publicID, systemID, content in
            saxContext(context)?.entityDeclared(
                name: name.map { String(cString: $0) } ?? "", type: type,
                publicID: publicID.map { String(cString: $0) }, systemID: systemID.map { String(cString: $0) },
                content: content.map { String(cString: $0) })
        }
        handler.unparsedEntityDecl = { context, name, publicID, systemID, _ in
            saxContext(context)?.entityDeclared(
                name: name.map { String(cString: $0) } ?? "",
                type: Int32(XML_EXTERNAL_GENERAL_UNPARSED_ENTITY.rawValue),
                publicID: publicID.map { String(cString: $0) }, systemID: systemID.map { String(cString: $0) },
                content: nil)
        }
        handler.elementDecl = { context, name, _, _ in
            saxContext(context)?.noteDeclaration("element '\(name.map { String(cString: $0) } ?? "")'")
        }
        handler.attributeDecl = { context, element, name, _, _, _, values in
            // Note: the handler owns the enumeration of allowed values and must free it.
            if let values { xmlFreeEnumeration(values) }
            let elementName = element.map { String(cString: $0) } ?? ""
            saxContext(context)?.noteDeclaration(
                "attribute '\(name.map { String(cString: $0) } ?? "")' of element '\(elementName)'")
        }
        handler.notationDecl = { context, name, _, _ in
            saxContext(context)?.noteDeclaration("notation '\(name.map { String(cString: $0) } ?? "")'")
        }
        return handler
    }
}

/// The context behind libxml2's user-data pointer.
private func saxContext(_ pointer: UnsafeMutableRawPointer?) -> XMLSAXContext? {
    guard let pointer else { return nil }
    return Unmanaged<XMLSAXContext>.fromOpaque(pointer).takeUnretainedValue()
}

/// The namespace declarations libxml2 passes to `startElementNs`: prefix and URI pairs.
private func saxNamespaceDeclarations(
    _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, count: Int, names: inout XMLNameCache
) -> [XMLNamespaceDeclaration] {
    guard let namespaces, count > 0 else { return [] }
    return (0..<count).map { index in
        XMLNamespaceDeclaration(
            prefix: namespaces[2 * index].map { names.name($0) }, uri: namespaces[2 * index + 1].map { names.name($0) } ?? "")
    }
}
