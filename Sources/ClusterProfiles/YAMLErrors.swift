import Foundation
import Yams

/// Turns what Yams and `Decodable` throw into a ``ProfileError`` with a line and a fix.
enum YAMLErrors {
    /// The error a model's `init(from:)` threw, which Yams' decoder wraps as
    /// "not valid YAML"; any other error as it is.
    static func unwrapped(_ error: any Error) -> any Error {
        if case let DecodingError.dataCorrupted(context) = error, let underlying = context.underlyingError {
            return unwrapped(underlying)
        }
        return error
    }

    static func profileError(_ error: any Error, file: String, locator: YAMLLocator, example: String) -> ProfileError {
        switch error {
        case let yaml as YamlError:
            switch yaml {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                return ProfileError(file: file, line: mark.line, field: "", message: "invalid YAML at column \(mark.column): \(problem)",
                                    fix: "check the indentation and quoting on that line")
            default:
                return ProfileError(file: file, line: nil, field: "", message: "the file is not valid YAML (\(yaml))",
                                    fix: "save the file as UTF-8 YAML")
            }
        case let decoding as DecodingError:
            let context: DecodingError.Context
            let fix: String
            switch decoding {
            case let .typeMismatch(type, found):
                context = found
                fix = "write a value of type \(type)"
            case let .valueNotFound(type, found):
                context = found
                fix = "give a value of type \(type)"
            case let .keyNotFound(key, found):
                context = DecodingError.Context(codingPath: found.codingPath + [key], debugDescription: "\(key.stringValue) is required")
                fix = "add \(key.stringValue)"
            case let .dataCorrupted(found):
                context = found
                fix = "write it as in \(example)"
            @unknown default:
                return ProfileError(file: file, line: nil, field: "", message: "\(decoding)", fix: "write it as in \(example)")
            }
            let field = YAMLLocator.path(context.codingPath)
            return ProfileError(file: file, line: locator.line(of: field), field: field, message: context.debugDescription, fix: fix)
        default:
            return ProfileError(file: file, line: nil, field: "", message: "the file could not be read (\(error))",
                                fix: "write it as in \(example)")
        }
    }
}
