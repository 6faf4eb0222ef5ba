import Cluster

extension TraceJob: Codable {
    static let keys = ["name", "arrival", "tasks", "taskDuration", "containerMemoryMB", "containerVcores", "count", "every"]

    /// Reads a job template; see ``SimulationTrace`` for the format.
    ///
    /// - Throws: ``TraceError`` naming the field (`jobs[2].taskDuration`) and the fix.
    public init(from decoder: any Decoder) throws {
        let container = try TraceCoding.mapping(decoder, known: Self.keys, what: "a job")
        let name = try container.traceRequired("name", example: "etl")
        let arrival = try container.traceDuration(container.traceRequired("arrival", example: "10m"), "arrival", allowZero: true)
        let tasks = try container.traceInt(container.traceRequired("tasks", example: "200"), "tasks", minimum: 1, example: "200")
        let taskDuration = try container.traceDuration(
            container.traceRequired("taskDuration", example: "90s"), "taskDuration", allowZero: false)
        let memory = try container.traceScalar("containerMemoryMB").map {
            try container.traceInt($0, "containerMemoryMB", minimum: 1, example: "3072")
        }
        let vcores = try container.traceScalar("containerVcores").map {
            try container.traceInt($0, "containerVcores", minimum: 1, example: "1")
        } ?? 1
        let count = try container.traceScalar("count").map { try container.traceInt($0, "count", minimum: 1, example: "12") } ?? 1
        let every = try container.traceScalar("every").map { try container.traceDuration($0, "every", allowZero: false) }
        if count > 1, every == nil {
            throw TraceError(field: ProtoJSON.fieldPath(decoder.codingPath, "every"),
                             message: "every is required when count is \(count)",
                             fix: "add every: 5m (the time between arrivals), or remove count")
        }
        self.init(name: name, arrival: arrival, tasks: tasks, taskDuration: taskDuration,
                  containerMemoryMB: memory, containerVcores: vcores, count: count, every: every)
    }

    /// Writes the template with durations as `"Ns"`; defaults are omitted.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ProtoJSON.AnyKey.self)
        try container.encode(name, forKey: .init("name"))
        try container.encode(arrival.googleText, forKey: .init("arrival"))
        try container.encode(tasks, forKey: .init("tasks"))
        try container.encode(taskDuration.googleText, forKey: .init("taskDuration"))
        try container.encodeIfPresent(containerMemoryMB, forKey: .init("containerMemoryMB"))
        if containerVcores != 1 { try container.encode(containerVcores, forKey: .init("containerVcores")) }
        if count != 1 { try container.encode(count, forKey: .init("count")) }
        try container.encodeIfPresent(every?.googleText, forKey: .init("every"))
    }
}
