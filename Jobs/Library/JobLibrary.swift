import MapReduce

/// Every program of the job library, found by its examples-jar name or by the
/// Hadoop class it stands in for.
public enum JobLibrary {
    /// All programs, in the order `miniproc jobs` lists them.
    public static let programs: [any JobProgram.Type] = [
        WordCount.self, WordMean.self, Grep.self, InvertedIndex.self,
        TeraGen.self, TeraSort.self, TeraValidate.self,
        QuasiMonteCarlo.self, RandomTextWriter.self,
    ]

    /// The program named `name` (`wordcount`) or whose Hadoop class is `name`
    /// (`org.apache.hadoop.examples.WordCount`).
    public static func program(named name: String) -> (any JobProgram.Type)? {
        programs.first { $0.name == name || $0.hadoopClass == name }
    }

    /// The listing Hadoop's examples jar prints when run without a program name.
    public static var listing: String {
        let width = (programs.map { $0.name.count }.max() ?? 0) + 2
        let lines = programs.map { program in
            "  " + program.name + String(repeating: " ", count: width - program.name.count) + program.summary
        }
        return "Valid program names are:\n" + lines.joined(separator: "\n")
    }
}

/// A program name that is not in the library.
public struct UnknownProgram: Error, CustomStringConvertible, Sendable {
    /// The name that was asked for.
    public var name: String

    /// An error for `name`.
    public init(name: String) { self.name = name }

    public var description: String {
        "Unknown program '\(name)' chosen.\n" + JobLibrary.listing
    }
}
