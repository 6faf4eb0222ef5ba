import Cluster
import Foundation
import Testing

@Suite struct GoogleTimestampTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z", Int64(0)),
        ("2024-04-01T12:34:56.123456Z", "2024-04-01T12:34:56.123456Z", Int64(1_711_974_896)),
        ("2024-04-01T14:34:56.5+02:00", "2024-04-01T12:34:56.500Z", Int64(1_711_974_896)),
        ("2000-02-29T23:59:59.000000001Z", "2000-02-29T23:59:59.000000001Z", Int64(951_868_799)),
        ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z", Int64(-1)),
    ])
    func parsesRFC3339AndRendersUTC(_ input: String, _ rendered: String, _ seconds: Int64) throws {
        let timestamp = try #require(GoogleTimestamp(parsing: input))
        #expect(timestamp.seconds == seconds)
        #expect(timestamp.description == rendered)
    }

    @Test(arguments: ["", "2024-04-01", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "2024-04-01T00:00:00", "tomorrow"])
    func rejectsAnythingElse(_ input: String) {
        #expect(GoogleTimestamp(parsing: input) == nil)
    }

    @Test func agreesWithFoundationDates() {
        let date = Date(timeIntervalSince1970: 1_711_974_896.25)
        #expect(GoogleTimestamp(date).description == "2024-04-01T12:34:56.250Z")
        #expect(GoogleTimestamp(date).adding(GoogleDuration(seconds: 600)).description == "2024-04-01T12:44:56.250Z")
    }
}
