import MicrocredModel
import Testing
@testable import OpenBadgesFormat

/// Setting an object member: replaced where it is or appended, other values left alone, and the
/// value a copy was taken from unchanged.
struct JSONValueEditingTests {
    let object: JSONValue = .object([JSONMember("a", "1"), JSONMember("b", .array(["x"])), JSONMember("c", .null)])

    @Test
    func replacesAMemberWhereItIsAndAppendsANewOne() {
        var edited = object
        edited.set("b", "2")
        #expect(edited == .object([JSONMember("a", "1"), JSONMember("b", "2"), JSONMember("c", .null)]))
        edited.set("d", .bool(true))
        #expect(edited.objectValue?.map(\.key) == ["a", "b", "c", "d"])
        #expect(edited["d"] == .bool(true))
    }

    @Test
    func leavesTheOriginalAndOtherValuesAlone() {
        let copy = object
        var edited = copy
        edited.set("a", "changed")
        #expect(copy == object)
        #expect(object.setting("c", "3")["c"] == "3")
        #expect(object["c"] == .null)
        var array: JSONValue = .array(["x"])
        array.set("a", "1")
        #expect(array == .array(["x"]))
    }
}
