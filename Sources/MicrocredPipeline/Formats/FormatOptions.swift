import Foundation
public import MicrocredModel

/// What a reader or writer is given to work with for one run.
public struct FormatContext: Sendable {
    /// `--from-option` / `--to-option` values, by name.
    public var options: [String: String]
    /// The mapping file given with `--mapping`, if any.
    public var mappingPath: String?
    /// The controlled vocabularies, loaded once per run.
    public var vocabularies: Vocabularies?
    /// Values that stand for "now" and for secrets, fixed per run so output is reproducible.
    public var environment: RunEnvironment
    /// Whether decoders work out the credential's unmapped fields (what the model has no place
    /// for, kept so that writing the credential loses nothing). Finding them can cost more than
    /// the mapping itself; a conversion run without a writer never reads them, and its decoders
    /// may leave out those that take work to find.
    public var keepsUnmappedFields = true
    /// Whether records are processed on several threads, so that a reader of a format that is
    /// parsed in one sequence (XML) may only find where each record begins and ends, and leave
    /// parsing it to its decoder. A record whose parsing then fails ends its input
    /// (``DecodedRecord/inputFailure``) just as if the reader had found the problem.
    public var parsesRecordsInDecoder = false

    public init(
        options: [String: String] = [:], mappingPath: String? = nil, vocabularies: Vocabularies? = nil,
        environment: RunEnvironment = RunEnvironment()
    ) {
        self.options = options
        self.mappingPath = mappingPath
        self.vocabularies = vocabularies
        self.environment = environment
    }

    /// The value of option `name`, interpreted as a boolean (`true/false/yes/no/1/0`).
    /// - Throws: ``Diagnostic`` (`option.invalid-value`) for another value.
    public func flag(_ name: String, default defaultValue: Bool) throws(Diagnostic) -> Bool {
        guard let text = options[name] else { return defaultValue }
        switch text.lowercased() {
        case "true", "yes", "1", "on": return true
        case "false", "no", "0", "off": return false
        default:
            throw Diagnostic.error(
                "option.invalid-value", "option '\(name)' expects true or false, not '\(text)'",
                hint: "write \(name)=true or \(name)=false")
        }
    }
}

/// Per-run values that would otherwise make output depend on the clock or the machine.
public struct RunEnvironment: Sendable {
    /// Today's date as the run sees it (used for "issued in the future" checks).
    public var today: CalendarDate
    /// A secret mixed into derived salts and identifiers, when the user gives one.
    public var secret: String?

    public init(today: CalendarDate = RunEnvironment.currentDate(), secret: String? = nil) {
        self.today = today
        self.secret = secret
    }

    /// The current UTC date.
    public static func currentDate() -> CalendarDate {
        CalendarDate(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400)) ?? CalendarDate(year: 2000, month: 1, day: 1)!
    }
}

/// An option a format accepts, declared so `formats` and `--help` can list it.
public struct FormatOption: Sendable, Hashable {
    public enum Direction: String, Sendable, Hashable {
        case read
        case write
    }

    public var name: String
    public var direction: Direction
    /// The accepted values or their shape (`true|false`, `CHAR`, `FILE`).
    public var valueSyntax: String
    public var defaultValue: String?
    public var summary: String

    public init(name: String, direction: Direction, valueSyntax: String, defaultValue: String? = nil, summary: String) {
        self.name = name
        self.direction = direction
        self.valueSyntax = valueSyntax
        self.defaultValue = defaultValue
        self.summary = summary
    }
}
