import Cluster
import Foundation
import Yams

/// Turns a profile's YAML text into a validated `ClusterProfile`, keeping the
/// line of every field so that each mistake can point at it.
///
/// The YAML is composed into a `Node` tree (which keeps marks), checked against
/// `ProfileSchema` while being turned into proto3 JSON values, decoded with the
/// model's own `Codable` conformance, then validated by the model.
struct ProfileParser {
    let name: String
    let file: String
    private(set) var warnings: [ProfileWarning] = []
    /// The line of each field seen, by field path.
    private(set) var lines: [String: Int] = [:]

    init(name: String, file: String) {
        self.name = name
        self.file = file
    }

    mutating func parse(_ text: String) throws(ProfileError) -> LoadedProfile {
        let root = try compose(text)
        guard let mapping = root.mapping else {
            throw error(at: root, field: "", message: "a profile must be a mapping with a top-level config:",
                        fix: "start the file with config: and put masterConfig, workerConfig … under it, as gcloud dataproc clusters export writes")
        }
        guard mapping["config"] != nil else {
            throw error(at: root, field: "config", message: "the profile has no config: section",
                        fix: "add a top-level config: with masterConfig, workerConfig and softwareConfig under it")
        }
        let json = try convert(root, schema: .document, path: "")
        let document: Document
        do {
            let data = try JSONSerialization.data(withJSONObject: json)
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            // The schema walk checks every value the model decodes, so this is a
            // mismatch between the two rather than a user mistake.
            throw ProfileError(file: file, line: 1, field: "", message: "the profile could not be decoded (\(error))",
                               fix: "report this profile: its fields passed the checks but not the model")
        }
        let config = document.config ?? ClusterConfig()
        let problems = config.validationErrors()
        let located = problems.map { (line: line(for: $0.field), problem: $0) }
        if let first = located.min(by: { ($0.line ?? .max) < ($1.line ?? .max) }) {
            throw ProfileError(file: file, line: first.line, field: first.problem.field,
                               message: first.problem.message, fix: first.problem.fix)
        }
        let profile = ClusterProfile(name: name, file: file, config: config, labels: document.labels ?? [:])
        return LoadedProfile(profile: profile, warnings: warnings)
    }

    private struct Document: Decodable {
        var config: ClusterConfig?
        var labels: [String: String]?
    }

    // MARK: YAML

    private func compose(_ text: String) throws(ProfileError) -> Node {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let yamlError as YamlError {
            throw error(from: yamlError)
        } catch {
            throw ProfileError(file: file, line: nil, field: "", message: "the file is not valid YAML (\(error))",
                               fix: "check the indentation and quoting")
        }
        guard let node else {
            throw ProfileError(file: file, line: 1, field: "", message: "the profile is empty",
                               fix: "write a top-level config: with masterConfig, workerConfig and softwareConfig under it")
        }
        return node
    }

    private func error(from yamlError: YamlError) -> ProfileError {
        let fix = "check the indentation and quoting on that line; values with ': ' or a leading '*', '&', '!' need quotes"
        switch yamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "invalid YAML at column \(mark.column): \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return ProfileError(file: file, line: mark.line, field: "", message: message, fix: fix)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return ProfileError(file: file, line: context.mark.line, field: "",
                                message: "the key \(keys) appears more than once in one mapping",
                                fix: "keep a single entry for each key")
        default:
            return ProfileError(file: file, line: nil, field: "", message: "the file is not valid YAML (\(yamlError))",
                                fix: "save the file as UTF-8 text")
        }
    }

    // MARK: Schema walk

    private mutating func convert(_ node: Node, schema: ProfileSchema, path: String) throws(ProfileError) -> Any {
        switch schema {
        case let .object(fields):
            guard let mapping = node.mapping else { throw expected("a mapping of fields", at: node, path: path) }
            var result: [String: Any] = [:]
            for (keyNode, valueNode) in mapping {
                let key = keyNode.string ?? ""
                let fieldPath = path.isEmpty ? key : "\(path).\(key)"
                lines[fieldPath] = keyNode.mark?.line
                guard let fieldSchema = fields[key] else {
                    warnings.append(unknownField(key, at: keyNode, path: fieldPath, known: fields.keys))
                    continue
                }
                if valueNode.null != nil { continue }
                result[key] = try convert(valueNode, schema: fieldSchema, path: fieldPath)
            }
            return result
        case .string:
            return try scalar(node, path: path)
        case .integer:
            let text = try scalar(node, path: path)
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw error(at: node, field: path, message: "'\(text)' is not a whole number",
                            fix: "write a whole number such as 2")
            }
            return value
        case .boolean:
            let text = try scalar(node, path: path)
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: throw error(at: node, field: path, message: "'\(text)' is not true or false", fix: "write true or false")
            }
        case .duration:
            let text = try scalar(node, path: path)
            guard let duration = GoogleDuration(parsing: text) else {
                throw error(at: node, field: path, message: "'\(text)' is not a duration", fix: DurationHint.fix(for: text))
            }
            return duration.description
        case .timestamp:
            let text = try scalar(node, path: path)
            guard let timestamp = GoogleTimestamp(parsing: text) else {
                throw error(at: node, field: path, message: "'\(text)' is not an RFC 3339 timestamp",
                            fix: "write a UTC time such as '2030-01-01T00:00:00Z', in quotes")
            }
            return timestamp.description
        case let .enumeration(names):
            let text = try scalar(node, path: path)
            guard names.contains(text) else {
                throw error(at: node, field: path, message: "'\(text)' is not one of \(names.joined(separator: ", "))",
                            fix: "use one of \(names.joined(separator: ", ")), in capitals")
            }
            return text
        case .stringList:
            guard let sequence = node.sequence else { throw expected("a list", at: node, path: path) }
            var result: [String] = []
            for (index, item) in sequence.enumerated() {
                result.append(try scalar(item, path: "\(path)[\(index)]"))
            }
            return result
        case .stringMap:
            guard let mapping = node.mapping else { throw expected("a mapping of keys to values", at: node, path: path) }
            var result: [String: String] = [:]
            for (keyNode, valueNode) in mapping {
                let key = try scalar(keyNode, path: path)
                let fieldPath = "\(path).\(key)"
                lines[fieldPath] = keyNode.mark?.line
                // Properties and labels are strings on the wire; an unquoted
                // `true` or `4096` means the same text.
                result[key] = valueNode.null != nil ? "" : try scalar(valueNode, path: fieldPath)
            }
            return result
        }
    }

    private func scalar(_ node: Node, path: String) throws(ProfileError) -> String {
        guard let scalar = node.scalar else { throw expected("a single value", at: node, path: path) }
        return scalar.string
    }

    private func expected(_ kind: String, at node: Node, path: String) -> ProfileError {
        let found: String
        switch node {
        case .mapping: found = "a mapping"
        case .sequence: found = "a list"
        case let .scalar(scalar): found = "'\(scalar.string)'"
        case .alias: found = "an alias"
        }
        let leaf = path.split(separator: ".").last.map(String.init) ?? path
        let fix: String
        switch kind {
        case "a mapping of fields", "a mapping of keys to values":
            fix = "put the entries of \(leaf) on the following lines, indented under it"
        case "a list":
            fix = "write \(leaf) as a list: one '- item' per line, indented under it"
        default:
            fix = "give \(leaf) a single value, quoted if it contains ': '"
        }
        return error(at: node, field: path, message: "expected \(kind), found \(found)", fix: fix)
    }

    private func unknownField(_ key: String, at node: Node, path: String, known: Dictionary<String, ProfileSchema>.Keys) -> ProfileWarning {
        // Catch the usual slips: snake_case from the REST docs, or a wrong case.
        let normalised = key.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: "-", with: "").lowercased()
        var message = "unknown field '\(key)' is ignored"
        if let match = known.first(where: { $0.lowercased() == normalised }) {
            message += "; did you mean \(match)?"
        }
        return ProfileWarning(file: file, line: node.mark?.line, field: path, message: message)
    }

    private func error(at node: Node, field: String, message: String, fix: String) -> ProfileError {
        ProfileError(file: file, line: node.mark?.line, field: field, message: message, fix: fix)
    }

    /// The line of `field`, or of its nearest enclosing field that appears in the file.
    private func line(for field: String) -> Int? {
        if let line = lines[field] { return line }
        var path = field
        while let dot = path.lastIndex(of: ".") {
            path = String(path[..<dot])
            if let line = lines[path] { return line }
        }
        return nil
    }
}
