import MicrocredModel
import MicrocredTestSupport
import Testing

@Suite struct DateValueTests {
    @Test(arguments: ["2024-02-29", "0001-01-01", "9999-12-31", "1999-10-02"])
    func acceptsRealDates(text: String) throws {
        let date = try #require(CalendarDate(iso: text))
        #expect(date.description == text)
    }

    @Test(arguments: ["2023-02-29", "2026-13-01", "2026-00-10", "2026-1-10", "26-01-10", "2026-01-10T00:00", "2026/01/10", ""])
    func rejectsEverythingElse(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func daysSinceEpochRoundTrips() throws {
        var random = SeededRandom(seed: 7)
        for _ in 0..<2000 {
            let days = Int.random(in: -700_000...2_900_000, using: &random)
            let date = try #require(CalendarDate(daysSinceEpoch: days))
            #expect(date.daysSinceEpoch == days)
            let padded = [(date.year, 4), (date.month, 2), (date.day, 2)].map { value, width in
                String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
            }
            #expect(date.description == padded.joined(separator: "-"))
            #expect(CalendarDate(iso: date.description) == date)
        }
        #expect(CalendarDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(CalendarDate(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11_017)
    }

    @Test(arguments: [
        ("2026-03-01T09:30:00Z", "2026-03-01T09:30:00Z"),
        ("2026-03-01T09:30Z", "2026-03-01T09:30:00Z"),
        ("2026-03-01t09:30:00.125+01:00", "2026-03-01T09:30:00.125+01:00"),
        ("2026-03-01 09:30:00-0530", "2026-03-01T09:30:00-05:30"),
        ("2026-03-01T09:30:00", "2026-03-01T09:30:00"),
    ])
    func parsesDateTimes(text: String, canonical: String) throws {
        #expect(try #require(DateTime(iso: text)).description == canonical)
    }

    @Test func dateTimesReadBackWhatTheyWrite() throws {
        var random = SeededRandom(seed: 9)
        for _ in 0..<2000 {
            let date = try #require(CalendarDate(daysSinceEpoch: Int.random(in: -700_000...2_900_000, using: &random)))
            let offset: Int? = random.chance(0.2) ? nil : Int.random(in: -14 * 60...14 * 60, using: &random)
            let fraction = random.chance(0.7) ? "" : String(Int.random(in: 0...999_999, using: &random))
            let time = try #require(
                DateTime(
                    date: date, hour: Int.random(in: 0...23, using: &random), minute: Int.random(in: 0...59, using: &random),
                    second: Int.random(in: 0...59, using: &random), fraction: fraction, utcOffsetMinutes: offset))
            #expect(DateTime(iso: time.description) == time, "\(time)")
            #expect(time.description.utf8.count == 19 + (fraction.isEmpty ? 0 : fraction.utf8.count + 1) + (offset == nil ? 0 : offset == 0 ? 1 : 6))
        }
    }

    @Test(arguments: ["2026-03-01T24:00:00Z", "2026-03-01T09:60Z", "2026-03-01T09:30:00+2500", "2026-03-01T09:30:00Zjunk", "2026-03-01"])
    func rejectsBadDateTimes(text: String) {
        #expect(DateTime(iso: text) == nil)
    }

    @Test func convertsShiftedMidnightToUTC() throws {
        let local = try #require(DateTime(iso: "1999-10-02T00:00:00+02:00"))
        #expect(local.inUTC.description == "1999-10-01T22:00:00Z")
        #expect(local.secondsSinceEpoch == local.inUTC.secondsSinceEpoch)
    }

    @Test func takesOnlyALocalTimeAsUTC() throws {
        #expect(try #require(DateTime(iso: "2026-03-01T09:30:00")).assumingUTCIfLocal.description == "2026-03-01T09:30:00Z")
        #expect(try #require(DateTime(iso: "2026-03-01T09:30:00.5-05:30")).assumingUTCIfLocal.description == "2026-03-01T09:30:00.5-05:30")
    }

    @Test func timestampsKeepDatesAndDateTimesApart() throws {
        let date = try #require(Timestamp(iso: "2026-03-01"))
        let dateTime = try #require(Timestamp(iso: "2026-03-01T00:00:00Z"))
        #expect(date != dateTime)
        #expect(date.asDateTime == dateTime.asDateTime)
        #expect(date.description == "2026-03-01")
        #expect(Timestamp(iso: "2026-03-01T10:00:00+01:00")! < Timestamp(iso: "2026-03-01T09:30:00Z")!)
    }
}
