import MapReduce

extension SimulatedCluster {
    /// Submits a driver program as a Dataproc job — the one submission path of
    /// the API, the command line and tests.
    ///
    /// The program's configuration is the cluster's `jobDefaults`, overridden
    /// by `properties`, overridden by the `-D key=value` options among
    /// `arguments` (which the program never sees, unless it reads generic options itself). The program's closing
    /// messages (pi's estimate…) go to the driver output; an error it throws
    /// is written there as `ERROR: …` and ends the job in ERROR.
    ///
    /// - Parameter onProgramError: Hears the error the program threw, if any, before the job ends.
    /// - Throws: `GenericOptionsError` for a `-D` that is not `key=value`; what `submit(jobID:name:onOutput:program:)` throws.
    @discardableResult
    public func submit(
        program: any JobProgram.Type, arguments: [String], properties: [String: String] = [:], jobID: String? = nil,
        onOutput: (@Sendable (String) -> Void)? = nil, onProgramError: (@Sendable (any Error) -> Void)? = nil
    ) throws -> ClusterJobHandle {
        let configuration: JobConfiguration
        let programArguments: [String]
        if program.readsGenericOptions {
            configuration = JobConfiguration(jobDefaults).merging(properties)
            programArguments = arguments
        } else {
            let (options, rest) = try GenericOptions.split(arguments)
            configuration = JobConfiguration(jobDefaults).merging(properties).merging(options)
            programArguments = rest.map(\.text)
        }
        return try submit(jobID: jobID, name: program.name, onOutput: onOutput) { driver in
            do {
                let outcome = try await program.run(arguments: programArguments, configuration: configuration, submitter: driver.submitter)
                for message in outcome.messages { driver.print(message) }
            } catch {
                driver.print("ERROR: " + String(describing: error))
                onProgramError?(error)
                throw error
            }
        }
    }
}
