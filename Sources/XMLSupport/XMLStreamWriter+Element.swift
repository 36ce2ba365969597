extension XMLStreamWriter {
    /// Writes `element` and everything inside it.
    ///
    /// The element's namespace declarations are written as they are; namespaces are not declared
    /// automatically, so an element read with ``XMLPullReader/readElement()`` comes out as it went in.
    /// - Parameter element: The element to write.
    /// - Throws: ``XMLError`` for an invalid name or character, as the other write methods do.
    public func write(_ element: XMLElement) throws {
        guard routesErrors else {
            routesErrors = true
            defer { routesErrors = false }
            return try XMLLibrary.routingErrors(to: collector) { try write(element) }
        }
        try startElement(element.localName, prefix: element.prefix)
        for declaration in element.namespaceDeclarations {
            try declareNamespace(prefix: declaration.prefix, uri: declaration.uri)
        }
        for attribute in element.attributes {
            try writeAttribute(attribute.localName, value: attribute.value, prefix: attribute.prefix)
        }
        for child in element.children {
            switch child {
            case .element(let child): try write(child)
            case .text(let text): try writeText(text)
            }
        }
        try endElement()
    }
}
