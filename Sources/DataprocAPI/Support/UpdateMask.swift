/// An `updateMask`: comma-separated field paths, snake_case (gcloud) or
/// camelCase (client libraries), normalised to camelCase.
struct UpdateMask: Sendable, Hashable {
    var paths: [String]

    init(_ text: String?) {
        paths = (text ?? "").split(separator: ",").map { Self.camelCase(String($0).trimmingCharacters(in: .whitespaces)) }
            .filter { !$0.isEmpty }
    }

    /// `config.worker_config.num_instances` → `config.workerConfig.numInstances`.
    static func camelCase(_ path: String) -> String {
        path.split(separator: ".", omittingEmptySubsequences: false).map { segment -> String in
            var result = ""
            var upperNext = false
            for character in segment {
                if character == "_" {
                    upperNext = true
                } else if upperNext {
                    result += character.uppercased()
                    upperNext = false
                } else {
                    result.append(character)
                }
            }
            return result
        }.joined(separator: ".")
    }
}
