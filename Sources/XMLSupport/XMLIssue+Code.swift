extension XMLIssue {
    /// The stable codes of ``XMLIssue/code``. Each names one kind of problem; messages may change
    /// between releases, codes do not.
    ///
    /// - `xml.malformed`: the document is not well-formed XML (mismatched or broken tags, stray text after the
    ///   root, …)
    /// - `xml.truncated`: the input ends before the document is complete (an element or tag is still open)
    /// - `xml.empty-document`: the input holds no root element
    /// - `xml.encoding`: the declared encoding is unknown or unsupported, or the bytes are not valid in it
    /// - `xml.invalid-character`: a character XML does not allow (a control character, a bad character reference)
    /// - `xml.undeclared-prefix`: an element or attribute uses a namespace prefix that is not declared
    /// - `xml.namespace`: any other namespace error (a malformed qualified name, an empty namespace name, …)
    /// - `xml.duplicate-attribute`: an element repeats an attribute
    /// - `xml.undeclared-entity`: a reference to an entity that is not declared (only the five predefined ones are)
    /// - `xml.forbidden-doctype`: the document type declaration declares elements, attributes, notations or
    ///   entities; internal DTD subsets are refused
    /// - `xml.external-entity`: the document type declaration declares an entity read from a URI or file (XXE); it
    ///   is refused, never fetched
    /// - `xml.entity-expansion`: an entity is defined in terms of other entities (the "billion laughs" shape), or
    ///   libxml2 detected an entity loop; refused
    /// - `xml.limit-exceeded`: nesting, text or lookahead beyond the safe limits
    /// - `xml.unreadable`: the input or schema file cannot be opened or read
    /// - `xml.warning`: a libxml2 warning with no more specific code
    /// - `xml.schema-violation`: the document does not satisfy the XML Schema
    /// - `xml.invalid-schema`: the XML Schema itself cannot be loaded or compiled
    /// - `xml.invalid-name`: a name given to the writer is not a valid XML name
    /// - `xml.invalid-state`: a reader or writer method was called when it does not apply (such as ending an
    ///   element that is not open)
    /// - `xml.internal`: libxml2 failed for a reason outside the document (out of memory)
    public enum Code {
        /// The document is not well-formed XML.
        public static let malformed = "xml.malformed"
        /// The input ends before the document is complete.
        public static let truncated = "xml.truncated"
        /// The input holds no root element.
        public static let emptyDocument = "xml.empty-document"
        /// The declared encoding is unknown or unsupported, or the bytes are not valid in it.
        public static let encoding = "xml.encoding"
        /// A character XML does not allow.
        public static let invalidCharacter = "xml.invalid-character"
        /// A namespace prefix that is not declared.
        public static let undeclaredPrefix = "xml.undeclared-prefix"
        /// Any other namespace error.
        public static let namespace = "xml.namespace"
        /// An element repeats an attribute.
        public static let duplicateAttribute = "xml.duplicate-attribute"
        /// A reference to an entity that is not declared.
        public static let undeclaredEntity = "xml.undeclared-entity"
        /// A document type declaration with an internal subset of declarations.
        public static let forbiddenDoctype = "xml.forbidden-doctype"
        /// A declared entity that would be read from a URI or file.
        public static let externalEntity = "xml.external-entity"
        /// An entity defined in terms of other entities, or an entity loop.
        public static let entityExpansion = "xml.entity-expansion"
        /// Nesting, text or lookahead beyond the safe limits.
        public static let limitExceeded = "xml.limit-exceeded"
        /// The input or schema file cannot be opened or read.
        public static let unreadable = "xml.unreadable"
        /// A libxml2 warning with no more specific code.
        public static let warning = "xml.warning"
        /// The document does not satisfy the XML Schema.
        public static let schemaViolation = "xml.schema-violation"
        /// The XML Schema cannot be loaded or compiled.
        public static let invalidSchema = "xml.invalid-schema"
        /// A name given to the writer is not a valid XML name.
        public static let invalidName = "xml.invalid-name"
        /// A method was called when it does not apply.
        public static let invalidState = "xml.invalid-state"
        /// libxml2 failed for a reason outside the document.
        public static let `internal` = "xml.internal"

        /// The codes that mean a hostile document was refused.
        public static let refusals: Set<String> = [forbiddenDoctype, externalEntity, entityExpansion]
    }
}
