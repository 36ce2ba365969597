internal import CLibXML2

/// Receives libxml2's structured errors as ``XMLIssue``s.
///
/// libxml2 calls ``handler`` with an unretained pointer to the collector as its context; whoever
/// registers the collector keeps it alive for as long as libxml2 may call back. A collector belongs
/// to one parse, write or schema operation on one thread at a time.
class XMLIssueCollector {
    /// The most issues kept; later ones are only counted, so a pathological document cannot make
    /// the list grow without bound.
    static let maximumIssues = 1000

    /// The issues received, in order, up to ``maximumIssues``.
    @exclusivity(unchecked) private(set) var issues: [XMLIssue] = []
    /// How many issues arrived after ``maximumIssues`` and were dropped.
    private(set) var droppedCount = 0

    /// The issues of severity `error`.
    var errors: [XMLIssue] { issues.filter { $0.severity == .error } }
    /// The issues of severity `warning`.
    var warnings: [XMLIssue] { issues.filter { $0.severity == .warning } }

    /// Called for every libxml2 error; subclasses may react before or instead of recording.
    func receive(_ error: xmlError) {
        record(XMLIssue(libxml2: error))
    }

    /// Forgets the issues received so far.
    func forgetIssues() {
        issues = []
        droppedCount = 0
    }

    /// Appends `issue`, or counts it once the list is full.
    func record(_ issue: XMLIssue) {
        if issues.count < Self.maximumIssues {
            issues.append(issue)
        } else {
            droppedCount += 1
        }
    }

    /// The C entry point libxml2 calls; the context is an unretained `XMLIssueCollector`.
    static let handler: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<XMLIssueCollector>.fromOpaque(context).takeUnretainedValue().receive(error.pointee)
    }
}
