/// A list filter in Dataproc's expression form: `field = value` terms joined by
/// `AND` or by spaces (implicit AND), values bare or quoted, `*` meaning "any".
/// `:` is accepted as `=`. `OR` and `NOT` are not supported and are refused.
struct ListFilter: Sendable, Hashable {
    /// One `field = value` term.
    struct Term: Sendable, Hashable {
        var field: String
        var value: String
    }

    var terms: [Term]

    /// No terms: everything matches.
    static let all = ListFilter(terms: [])

    /// Parses `text`; an empty text matches everything.
    ///
    /// - Throws: `APIError` INVALID_ARGUMENT saying what could not be read.
    init(parsing text: String) throws(APIError) {
        var tokens: [Token] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isWhitespace {
                index = text.index(after: index)
            } else if character == "=" || character == ":" {
                tokens.append(.equals)
                index = text.index(after: index)
            } else if character == "\"" || character == "'" {
                var value = ""
                var cursor = text.index(after: index)
                while cursor < text.endIndex, text[cursor] != character {
                    value.append(text[cursor])
                    cursor = text.index(after: cursor)
                }
                guard cursor < text.endIndex else {
                    throw .invalidArgument("filter \(text) has an unterminated quote", field: "filter")
                }
                tokens.append(.word(value, quoted: true))
                index = text.index(after: cursor)
            } else {
                var value = ""
                var cursor = index
                while cursor < text.endIndex, !text[cursor].isWhitespace, !"=:\"'".contains(text[cursor]) {
                    value.append(text[cursor])
                    cursor = text.index(after: cursor)
                }
                tokens.append(.word(value, quoted: false))
                index = cursor
            }
        }
        var terms: [Term] = []
        var position = 0
        while position < tokens.count {
            if case .word("AND", false) = tokens[position] {
                position += 1
                continue
            }
            if case let .word(word, false) = tokens[position], word == "OR" || word == "NOT" || word.hasPrefix("-") {
                throw .invalidArgument(
                    "filter \(text) uses \(word); only terms of the form field = value joined by AND are supported", field: "filter")
            }
            guard case let .word(field, false) = tokens[position],
                  position + 1 < tokens.count, tokens[position + 1] == .equals,
                  position + 2 < tokens.count, case let .word(value, _) = tokens[position + 2]
            else {
                throw .invalidArgument(
                    "filter \(text) could not be read; write terms such as status.state = RUNNING AND labels.env = prod", field: "filter")
            }
            terms.append(Term(field: field, value: value))
            position += 3
        }
        self.terms = terms
    }

    init(terms: [Term]) { self.terms = terms }

    /// Whether every term holds: `value(field)` gives a resource's values for a
    /// field (nil when the field is unknown to the caller, which refuses it).
    func matches(_ values: (String) -> [String]) -> Bool {
        terms.allSatisfy { term in
            let candidates = values(term.field)
            return term.value == "*" ? !candidates.isEmpty : candidates.contains(term.value)
        }
    }

    /// Refuses fields outside `known` (label fields `labels.KEY` are always known).
    func check(known: [String], resource: String) throws(APIError) {
        for term in terms where !known.contains(term.field) && !term.field.hasPrefix("labels.") {
            throw .invalidArgument(
                "filter field \(term.field) is not supported for \(resource); use \((known + ["labels.KEY"]).joined(separator: ", "))",
                field: "filter")
        }
    }

    private enum Token: Equatable {
        case word(String, quoted: Bool)
        case equals
    }
}
