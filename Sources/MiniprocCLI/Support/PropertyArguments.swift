/// Hadoop's generic `-D key=value` options, which may also follow the program name.
enum PropertyArguments {
    /// Parses `key=value`; nil if there is no `=` or the key is empty.
    static func parse(_ text: String) -> (key: String, value: String)? {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else { return nil }
        return (String(text[..<equals]), String(text[text.index(after: equals)...]))
    }

    /// Splits `-D k=v` / `-Dk=v` out of a program's arguments, as Hadoop's `GenericOptionsParser` does.
    static func extract(from arguments: [String]) throws(PropertyError) -> (properties: [String: String], rest: [String]) {
        var properties: [String: String] = [:]
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "-D" {
                guard index + 1 < arguments.count, let pair = parse(arguments[index + 1]) else {
                    throw PropertyError(text: index + 1 < arguments.count ? arguments[index + 1] : "")
                }
                properties[pair.key] = pair.value
                index += 2
            } else if argument.hasPrefix("-D") && argument.count > 2 {
                guard let pair = parse(String(argument.dropFirst(2))) else { throw PropertyError(text: String(argument.dropFirst(2))) }
                properties[pair.key] = pair.value
                index += 1
            } else {
                rest.append(argument)
                index += 1
            }
        }
        return (properties, rest)
    }
}
