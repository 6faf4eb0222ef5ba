import ArgumentParser
import ClusterProfiles

/// The options `miniproc run` and `miniproc simulate` share: the profile the
/// cluster is made from.
///
/// Both commands default to the same profile (``ProfileLoader/defaultProfileName``,
/// `small`), so that `simulate` without `--profile` predicts the cluster that
/// `run` without `--profile` creates.
struct ProfileOptions: ParsableArguments {
    @Option(name: .long, help: "A profile name from ClusterProfiles/ (small, standard, highmem, …) or a path to a profile YAML.")
    var profile: String = ProfileLoader.defaultProfileName

    /// Rejects a profile that cannot be loaded, with the file, field and fix the loader reports.
    func validate() throws {
        do {
            _ = try load()
        } catch {
            throw ValidationError("--profile \(profile): \(error)")
        }
    }

    /// The profile, with the warnings its loading raised.
    ///
    /// - Throws: `ProfileError` naming the file, line, field and fix.
    func load() throws(ProfileError) -> LoadedProfile {
        try ProfileLoader().load(profile)
    }
}
