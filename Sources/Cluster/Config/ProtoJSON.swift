/// Proto3 JSON reading rules shared by every Dataproc type that decodes itself:
/// the cluster config here, autoscaling policies and simulation traces above it.
///
/// Proto3 JSON parsers accept numbers either as JSON numbers or as strings
/// (`"numInstances": 2` or `"2"`, `"0.5"`, `"NaN"`; 64-bit integers arrive as
/// strings), and `null` as "absent"; Miniproc's decoders do the same, so that
/// anything the real API accepts, Miniproc accepts.
package enum ProtoJSON {
    /// A coding key of any name: for containers whose keys are checked by hand
    /// (unknown keys reported), and for building field paths.
    package struct AnyKey: CodingKey {
        /// The key's name.
        package var stringValue: String
        /// Always nil: these keys are never array positions.
        package var intValue: Int? { nil }
        /// The key named `string`.
        package init(_ string: String) { stringValue = string }
        /// The key named `stringValue`.
        package init?(stringValue: String) { self.stringValue = stringValue }
        /// Never succeeds: these keys are never array positions.
        package init?(intValue: Int) { nil }
    }

    /// The camelCase path of `key` under `codingPath`, e.g. `basicAlgorithm.yarnConfig`;
    /// array positions render as `[i]`.
    package static func fieldPath(_ codingPath: [any CodingKey], _ key: String) -> String {
        var path = ""
        for component in codingPath + [AnyKey(key)] {
            if let index = component.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? component.stringValue : ".\(component.stringValue)"
            }
        }
        return path
    }

    /// `text` as a whole number, spaces around it ignored; nil when it is not one.
    package static func integer(_ text: String) -> Int? {
        Int(text.trimmingCharacters(in: .whitespaces))
    }

    /// `text` as a number, with proto3's `"NaN"`, `"Infinity"` and `"-Infinity"`;
    /// nil when it is not one.
    package static func double(_ text: String) -> Double? {
        switch text {
        case "NaN": .nan
        case "Infinity": .infinity
        case "-Infinity": -.infinity
        default: Double(text)
        }
    }
}
