internal import CLibXML2

/// Process-wide libxml2 set-up and the one funnel through which C status codes become Swift errors.
///
/// libxml2 keeps some state per process (the external entity loader) and some per thread (the
/// error channel). This type is the only place that touches either.
enum XMLLibrary {
    /// Runs once, on first use of any type in this module.
    ///
    /// - initialises the parser (libxml2 asks for this before any use from several threads);
    /// - initialises the XML catalogs, which libxml2 otherwise sets up on their first lookup:
    ///   two schemas loading at once on two threads both set them up, and can leave the catalogs'
    ///   lock held forever (a hang seen in the test suite);
    /// - replaces the external entity loader with libxml2's no-network loader, so nothing this
    ///   process parses, and no schema it loads, is ever fetched over the network;
    /// - points the default error channel of every thread at a handler that drops the error, so
    ///   libxml2 never prints to standard error. Calls that want their errors route them with
    ///   ``routingErrors(to:_:)``.
    private static let initialised: Void = {
        xmlInitParser()
        xmlInitializeCatalog()
        xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
        xmlThrDefSetStructuredErrorFunc(nil, discardError)
        xmlSetStructuredErrorFunc(nil, discardError)
    }()

    /// An error handler that ignores the error.
    private static let discardError: xmlStructuredErrorFunc = { _, _ in }

    /// Makes sure the one-time set-up has run.
    static func initialise() {
        _ = initialised
    }

    /// Runs `body` with this thread's libxml2 error channel pointed at `collector`, then restores it.
    ///
    /// Parser contexts report most errors through their own handler; this catches the rest
    /// (encoding conversion, I/O, writer and schema-loading errors raised without a context).
    static func routingErrors<Result>(to collector: XMLIssueCollector, _ body: () throws -> Result) rethrows -> Result {
        initialise()
        let previousHandler = __xmlStructuredError()?.pointee
        let previousContext = __xmlStructuredErrorContext()?.pointee
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(collector).toOpaque(), XMLIssueCollector.handler)
        defer { xmlSetStructuredErrorFunc(previousContext, previousHandler ?? discardError) }
        return try withExtendedLifetime(collector) { try body() }
    }

    /// The status funnel: turns a negative libxml2 status into an ``XMLError``.
    ///
    /// - Parameters:
    ///   - status: What the C function returned; negative means failure.
    ///   - operation: What was attempted, for the message ("write the start tag of 'a'").
    ///   - collector: Where libxml2 reported the reason, if anywhere.
    /// - Returns: `status`, when it is not negative.
    /// - Throws: ``XMLError`` with the first collected error, or with code `xml.internal`.
    @discardableResult
    static func check(
        _ status: Int32, _ operation: @autoclosure () -> String, collector: XMLIssueCollector? = nil
    ) throws(XMLError) -> Int32 {
        guard status < 0 else { return status }
        throw failure(operation(), collector: collector)
    }

    /// The status funnel for constructors: turns a `nil` result into an ``XMLError``.
    ///
    /// - Parameters:
    ///   - pointer: What the C function returned.
    ///   - operation: What was attempted, for the message.
    ///   - collector: Where libxml2 reported the reason, if anywhere.
    /// - Returns: The pointer, when it is not `nil`.
    /// - Throws: ``XMLError`` with the first collected error, or with code `xml.internal`.
    static func check<Pointer>(
        _ pointer: Pointer?, _ operation: @autoclosure () -> String, collector: XMLIssueCollector? = nil
    ) throws(XMLError) -> Pointer {
        guard let pointer else { throw failure(operation(), collector: collector) }
        return pointer
    }

    /// The error for a failed call: the errors libxml2 reported, or an `xml.internal` issue.
    private static func failure(_ operation: String, collector: XMLIssueCollector?) -> XMLError {
        let reported = collector?.errors ?? []
        if let first = reported.first { return XMLError(first, additionalIssues: Array(reported.dropFirst())) }
        return XMLError(XMLIssue(code: XMLIssue.Code.internal, message: "libxml2 could not \(operation)"))
    }
}
