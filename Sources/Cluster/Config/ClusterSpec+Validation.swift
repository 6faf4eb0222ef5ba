import Foundation

extension ClusterSpec {
    /// The longest cluster name Dataproc accepts.
    public static let maximumClusterNameLength = 51

    /// Checks a cluster name against Dataproc's rules: 1 to 51 characters of
    /// `[a-z0-9-]`, starting with a lowercase letter, not ending with a hyphen.
    public static func validateClusterName(_ name: String) throws(ClusterConfigError) {
        func fail(_ problem: String) -> ClusterConfigError { .invalidClusterName(name: name, problem: problem) }
        guard let first = name.unicodeScalars.first else { throw fail("is empty") }
        guard name.unicodeScalars.count <= maximumClusterNameLength else {
            throw fail("is \(name.unicodeScalars.count) characters long, more than \(maximumClusterNameLength)")
        }
        guard ("a" ... "z").contains(first) else { throw fail("must start with a lowercase letter") }
        if let bad = name.unicodeScalars.first(where: { !(("a" ... "z").contains($0) || ("0" ... "9").contains($0) || $0 == "-") }) {
            throw fail("contains '\(Character(bad))'")
        }
        guard !name.hasSuffix("-") else { throw fail("must not end with a hyphen") }
    }

    /// Every mistake in the name and configuration; empty when the spec is valid.
    public func validationErrors(now: GoogleTimestamp? = nil) -> [ClusterConfigError] {
        var errors: [ClusterConfigError] = []
        do {
            try Self.validateClusterName(clusterName)
        } catch {
            errors.append(error)
        }
        return errors + (config ?? ClusterConfig()).validationErrors(clusterName: clusterName, now: now)
    }

    /// Throws the first mistake in the name or configuration, if any.
    public func validate(now: GoogleTimestamp? = nil) throws(ClusterConfigError) {
        if let first = validationErrors(now: now).first { throw first }
    }
}
