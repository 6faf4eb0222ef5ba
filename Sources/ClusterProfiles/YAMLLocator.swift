import Foundation
import Yams

/// Finds the line of a field, given by its path (`jobs[2].taskDuration`,
/// `basicAlgorithm.yarnConfig.scaleUpFactor`), in a composed YAML document, so that
/// errors found after decoding can still point at the file's line.
struct YAMLLocator {
    let root: Node?

    /// A locator over `text`; a document that does not compose locates nothing.
    init(text: String) {
        // The decoder parses the same text and reports a malformed document with
        // its own line, so a locator for it has nothing to add.
        root = try? Yams.compose(yaml: text)
    }

    /// The line of `field`, or of its nearest enclosing field present in the document.
    func line(of field: String) -> Int? {
        guard var node = root else { return nil }
        var line = node.mark?.line
        for component in Self.components(of: field) {
            let next: Node?
            switch component {
            case let .key(key): next = node.mapping?.first { $0.key.string == key }.map { pair in
                line = pair.key.mark?.line ?? line
                return pair.value
            }
            case let .index(index): next = node.sequence.flatMap { $0.indices.contains(index) ? $0[index] : nil }
            }
            guard let next else { return line }
            node = next
            if case .index = component { line = node.mark?.line ?? line }
        }
        return line
    }

    /// The path of `codingPath` (from a `DecodingError`) in the same spelling.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path
    }

    private enum Component {
        case key(String)
        case index(Int)
    }

    private static func components(of field: String) -> [Component] {
        var result: [Component] = []
        for part in field.split(separator: ".") {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                let key = rest[..<bracket]
                if !key.isEmpty { result.append(.key(String(key))) }
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    if let index = Int(rest[rest.index(after: rest.startIndex)..<close]) { result.append(.index(index)) }
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                result.append(.key(String(rest)))
            }
        }
        return result
    }
}
