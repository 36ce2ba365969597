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
            guard let localName else { return }
            withSAXContext(context) { context in
                context.elementStarted(
                    localName: localName, prefix: prefix, namespaceURI: uri,
                    attributes: SAXAttributes(fields: attributes, count: Int(attributeCount)),
                    namespaces: SAXNamespaces(fields: namespaces, count: Int(namespaceCount)))
            }
        }
        handler.endElementNs = { context, _, _, _ in
            withSAXContext(context) { context in context.elementEnded() }
        }
        handler.characters = { context, characters, length in
            guard let characters, length > 0 else { return }
            withSAXContext(context) { context in context.charactersFound(UnsafeBufferPointer(start: characters, count: Int(length))) }
        }
        handler.ignorableWhitespace = handler.characters
        handler.comment = { context, value in
            let text = value.map { String(cString: $0) } ?? ""
            withSAXContext(context) { context in context.commentFound(text) }
        }
        handler.processingInstruction = { context, target, data in
            let (target, data) = (target.map { String(cString: $0) } ?? "", data.map { String(cString: $0) } ?? "")
            withSAXContext(context) { context in context.processingInstructionFound(target: target, data: data) }
        }
        handler.internalSubset = { context, name, _, _ in
            let name = name.map { String(cString: $0) } ?? ""
            withSAXContext(context) { context in context.internalSubsetStarted(name: name) }
        }
        // Note: libxml2 calls `externalSubset` when the document type declaration ends, to let the
        // handler load the external DTD. This one loads nothing; it only marks the end.
        handler.externalSubset = { context, _, _, _ in
            withSAXContext(context) { context in context.internalSubsetEnded() }
        }
        handler.entityDecl = { context, name, type, publicID, systemID, content in
            let name = name.map { String(cString: $0) } ?? ""
            let (publicID, systemID) = (publicID.map { String(cString: $0) }, systemID.map { String(cString: $0) })
            let content = content.map { String(cString: $0) }
            withSAXContext(context) { context in
                context.entityDeclared(name: name, type: type, publicID: publicID, systemID: systemID, content: content)
            }
        }
        handler.unparsedEntityDecl = { context, name, publicID, systemID, _ in
            let name = name.map { String(cString: $0) } ?? ""
            let (publicID, systemID) = (publicID.map { String(cString: $0) }, systemID.map { String(cString: $0) })
            withSAXContext(context) { context in
                context.entityDeclared(
                    name: name, type: Int32(XML_EXTERNAL_GENERAL_UNPARSED_ENTITY.rawValue), publicID: publicID,
                    systemID: systemID, content: nil)
            }
        }
        handler.elementDecl = { context, name, _, _ in
            let name = name.map { String(cString: $0) } ?? ""
            withSAXContext(context) { context in context.noteDeclaration("element '\(name)'") }
        }
        handler.attributeDecl = { context, element, name, _, _, _, values in
            // Note: the handler owns the enumeration of allowed values and must free it.
            if let values { xmlFreeEnumeration(values) }
            let (elementName, name) = (element.map { String(cString: $0) } ?? "", name.map { String(cString: $0) } ?? "")
            withSAXContext(context) { context in context.noteDeclaration("attribute '\(name)' of element '\(elementName)'") }
        }
        handler.notationDecl = { context, name, _, _ in
            let name = name.map { String(cString: $0) } ?? ""
            withSAXContext(context) { context in context.noteDeclaration("notation '\(name)'") }
        }
        return handler
    }
}

/// Calls `body` with the context behind libxml2's user-data pointer, without retaining it: the
/// reader keeps the context alive for as long as its parser calls back.
@inline(__always)
private func withSAXContext(_ pointer: UnsafeMutableRawPointer?, _ body: (XMLSAXContext) -> Void) {
    guard let pointer else { return }
    Unmanaged<XMLSAXContext>.fromOpaque(pointer)._withUnsafeGuaranteedRef(body)
}

