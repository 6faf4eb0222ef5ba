import Foundation
import ShippedProfiles

/// How policies and traces are found by name: `NAME.EXT` in a folder of the profiles
/// directory that a ``ProfileLoader`` finds, then, unless that directory was given
/// explicitly, in the same folder of the shipped files (``ShippedProfiles``).
struct NamedFileLookup: Sendable {
    /// Where a name was found.
    enum Found {
        /// A file of the user's profiles directory.
        case file(URL)
        /// A shipped file's text, and what messages call it.
        case shipped(text: String, label: String)
    }

    /// Finds the profiles directory.
    var profiles: ProfileLoader
    /// The folder under the profiles directory, e.g. `policies`.
    var folder: String
    /// The file extensions a name may take, in the order they are tried.
    var extensions: [String]
    /// What messages call one file, e.g. `autoscaling policy`.
    var kind: String
    /// The short form used in a fix, e.g. `policy`.
    var noun: String

    /// The folder names are looked up in first, if a profiles directory was found.
    var directory: URL? {
        profiles.profilesDirectory()?.appendingPathComponent(folder, isDirectory: true)
    }

    /// Every name that ``find(_:)`` would find, sorted.
    func availableNames() -> [String] {
        var names = Set(directory.map { ProfileLoader.profileNames(in: $0, extensions: extensions) } ?? [])
        if profiles.directory == nil {
            names.formUnion(ProfileLoader.profileNames(in: shippedDirectory, extensions: extensions))
        }
        return names.sorted()
    }

    /// The file `name` stands for.
    ///
    /// - Throws: ``ProfileError`` listing the names there are, when there is none.
    func find(_ name: String) throws(ProfileError) -> Found {
        if let directory, let url = ProfileLoader.file(named: name, in: directory, extensions: extensions) {
            return .file(url)
        }
        // As for profiles, an explicit directory is taken at its word.
        if profiles.directory == nil, let url = ProfileLoader.file(named: name, in: shippedDirectory, extensions: extensions) {
            return .shipped(text: try ProfileLoader.shippedText(at: url), label: ProfileLoader.shippedLabel("\(folder)/\(url.lastPathComponent)"))
        }
        let names = availableNames()
        throw ProfileError(
            file: directory == nil ? ProfileLoader.directoryName : "\(ProfileLoader.directoryName)/\(folder)",
            line: nil, field: "",
            message: "no \(kind) named '\(name)'",
            fix: names.isEmpty ? "give a path to a \(noun) .yaml file" : "use one of \(names.joined(separator: ", ")), or give a path to a .yaml file"
        )
    }

    private var shippedDirectory: URL {
        ShippedProfiles.directory.appendingPathComponent(folder, isDirectory: true)
    }
}
