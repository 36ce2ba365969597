import Testing

@testable import MicrocredPipeline

@Suite struct InFlightGroupsTests {
    private func group() -> ProcessingGroup {
        ProcessingGroup([], pool: nil) { _ in fatalError("an empty group processes nothing") }
    }

    /// How many groups are appended, `bytesPerGroup` input bytes apart, before the first one is
    /// let go.
    private func groupsHeld(parallel: Bool, bytesPerGroup: Int) -> Int {
        var inFlight = InFlightGroups(isParallel: parallel)
        var bytesRead = 0
        for held in 1...100 {
            bytesRead += bytesPerGroup
            let appended = group()
            inFlight.append(appended, inputRead: bytesRead)
            if let taken = inFlight.takeOverflow(inputRead: bytesRead) {
                return taken === appended ? 0 : held - 1
            }
        }
        return 100
    }

    @Test func oneJobWritesEachGroupAtOnce() {
        #expect(groupsHeld(parallel: false, bytesPerGroup: 1) == 0)
    }

    @Test func smallRecordsAreReadFurtherAhead() {
        #expect(groupsHeld(parallel: true, bytesPerGroup: 1_000) == InFlightGroups.maximumAhead)
    }

    @Test func largeRecordsAreReadOnlyTheMinimumAhead() {
        #expect(groupsHeld(parallel: true, bytesPerGroup: InFlightGroups.inputBudget) == InFlightGroups.minimumAhead)
    }

    @Test func theBudgetCountsTheInputOfTheGroupsNotYetWritten() {
        // A quarter of the budget per group: the budget is exceeded once five groups are held.
        #expect(groupsHeld(parallel: true, bytesPerGroup: InFlightGroups.inputBudget / 4) == 4)
    }

    @Test func groupsAreTakenOldestFirst() {
        var inFlight = InFlightGroups(isParallel: true)
        let groups = (0..<4).map { _ in group() }
        for (index, group) in groups.enumerated() { inFlight.append(group, inputRead: index) }
        #expect(inFlight.takeAll().map(ObjectIdentifier.init) == groups.map(ObjectIdentifier.init))
        #expect(inFlight.takeAll().isEmpty)
    }
}
