import ArgumentParser
import Testing

/// The root command and argument-parser's mapping of errors to exit codes.
@Suite struct MiniprocTests {
    @Test(arguments: [[], ["--help"], ["help"]])
    func helpIsACleanExitOnTheOutput(arguments: [String]) async {
        let result = await CommandResult.miniproc(arguments)
        #expect(result.exitCode == .success)
        #expect(result.output.hasPrefix("OVERVIEW: A local, high-fidelity Google Cloud Dataproc"))
        #expect(result.output.contains("SUBCOMMANDS:"))
        #expect(result.error == "")
    }

    @Test func aSubcommandsHelpNamesItsSharedProfileOption() async {
        let result = await CommandResult.miniproc("simulate", "--help")
        #expect(result.exitCode == .success)
        #expect(result.output.contains("--profile <profile>"))
        #expect(result.output.contains("(default: small)"))
    }

    @Test(arguments: [
        (["deploy"], "Error: Unexpected argument 'deploy'"),
        (["jobs", "--verbose"], "Error: Unknown option '--verbose'"),
        (["serve", "--port", "70000"], "Error: --port must be between 0 and 65535, got 70000"),
        (["serve", "--data-dir", ""], "Error: --data-dir must not be empty; give a directory such as .miniproc"),
        (["run"], "Error: Missing expected argument '<program>'"),
    ])
    func aRejectedCommandLineExitsWithTheValidationFailureCode(arguments: [String], message: String) async {
        let result = await CommandResult.miniproc(arguments)
        #expect(result.exitCode == .validationFailure)
        #expect(result.firstErrorLine == message)
        #expect(result.output == "")
    }
}
