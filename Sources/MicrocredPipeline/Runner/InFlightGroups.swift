/// The groups of records in processing, oldest first, and the rule for how many may be.
///
/// With several jobs, groups are processed while the next is read, so that the workers have
/// records to go on with while the reading thread reads, writes, or waits on a slow disk. Memory
/// bounds how far ahead reading goes: at least ``minimumAhead`` groups, more while the input they
/// were read from stays within ``inputBudget`` bytes (small records), never more than
/// ``maximumAhead``. With one job a group is written as soon as it is processed.
struct InFlightGroups {
    /// Groups that may always be in processing, however large their records.
    static let minimumAhead = 2
    /// Groups that may be in processing at most.
    static let maximumAhead = 8
    /// Bytes of input that the groups in processing may have been read from, beyond the first
    /// ``minimumAhead`` groups. Records in memory take ten to twenty times their input size.
    static let inputBudget = 1 << 20

    private var groups: [(group: ProcessingGroup, inputEnd: Int)] = []
    /// Bytes of input read when the last group written was started.
    private var writtenInputEnd = 0
    private let isParallel: Bool

    init(isParallel: Bool) {
        self.isParallel = isParallel
    }

    /// Adds `group`, started when `inputRead` bytes of input (in the whole batch) were read.
    mutating func append(_ group: ProcessingGroup, inputRead: Int) {
        groups.append((group, inputRead))
    }

    /// The oldest group when there are more in processing than the rule allows, taken out.
    mutating func takeOverflow(inputRead: Int) -> ProcessingGroup? {
        guard let oldest = groups.first else { return nil }
        let ahead = groups.count - 1
        let isFull =
            !isParallel || ahead >= Self.maximumAhead
            || (ahead >= Self.minimumAhead && inputRead - writtenInputEnd > Self.inputBudget)
        guard isFull else { return nil }
        groups.removeFirst()
        writtenInputEnd = oldest.inputEnd
        return oldest.group
    }

    /// Every group in processing, oldest first, taken out.
    mutating func takeAll() -> [ProcessingGroup] {
        defer { groups = [] }
        return groups.map(\.group)
    }
}
