import Foundation

/// Pages through a list: the token is the opaque (base64) offset of the next page.
enum PageToken {
    /// The default and largest page sizes.
    static let defaultSize = 100
    static let maximumSize = 1000

    /// The items of the page `token` and `size` ask for, and the next token (nil on the last page).
    ///
    /// - Throws: `APIError` INVALID_ARGUMENT for a token this server did not make, or a negative size.
    static func page<T>(_ items: [T], size: Int?, token: String?) throws(APIError) -> (items: [T], next: String?) {
        let limit: Int
        switch size {
        case nil, 0?: limit = defaultSize
        case let value? where value < 0: throw .invalidArgument("pageSize must not be negative, got \(value)", field: "pageSize")
        case let value?: limit = min(value, maximumSize)
        }
        var start = 0
        if let token, !token.isEmpty {
            guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
                  text.hasPrefix("offset:"), let offset = Int(text.dropFirst("offset:".count)), offset >= 0
            else {
                throw .invalidArgument("pageToken \(token) is not a token this server returned; start again without it", field: "pageToken")
            }
            start = offset
        }
        guard start < items.count else { return ([], nil) }
        let end = min(start + limit, items.count)
        let next = end < items.count ? Data("offset:\(end)".utf8).base64EncodedString() : nil
        return (Array(items[start ..< end]), next)
    }
}
