import Cluster

extension SimulationTrace: Codable {
    /// Reads a trace; see ``SimulationTrace`` for the format.
    ///
    /// - Throws: ``TraceError`` naming the field and the fix.
    public init(from decoder: any Decoder) throws {
        let container = try TraceCoding.mapping(decoder, known: ["jobs"], what: "a trace")
        let key = ProtoJSON.AnyKey("jobs")
        guard container.contains(key), try !container.decodeNil(forKey: key) else {
            throw TraceError(field: "jobs", message: "the trace has no jobs list",
                             fix: "add jobs: with one '- name: …' entry per job, as in ClusterProfiles/traces/example.yaml")
        }
        do {
            jobs = try container.decode([TraceJob].self, forKey: key)
        } catch let error as TraceError {
            throw error
        } catch {
            throw TraceError(field: "jobs", message: "expected a list of jobs", fix: "write one '- name: …' entry per job under jobs:")
        }
    }

    /// Writes the trace.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ProtoJSON.AnyKey.self)
        try container.encode(jobs, forKey: .init("jobs"))
    }
}
