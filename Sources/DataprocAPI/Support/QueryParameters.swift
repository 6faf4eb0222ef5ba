import Foundation

/// A request's query parameters, decoded as forms encode them (`+` is a space,
/// `%XX` a byte); the last value of a repeated name wins.
struct QueryParameters: Sendable {
    private var values: [String: String] = [:]

    init(_ query: String?) {
        guard let query else { return }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            values[name] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
    }

    subscript(name: String) -> String? { values[name] }

    /// An integer parameter.
    ///
    /// - Throws: `APIError` INVALID_ARGUMENT when it is present but not a whole number.
    func integer(_ name: String) throws(APIError) -> Int? {
        guard let text = values[name], !text.isEmpty else { return nil }
        guard let value = Int(text) else { throw .invalidArgument("\(name) must be a whole number, got \(text)", field: name) }
        return value
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
