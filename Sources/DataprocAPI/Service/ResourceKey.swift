/// A resource's place: project, region and its id within the collection.
struct ResourceKey: Sendable, Hashable {
    var project: String
    var region: String
    var id: String

    /// `projects/P/regions/R/COLLECTION/ID`.
    func name(_ collection: String) -> String {
        "projects/\(project)/regions/\(region)/\(collection)/\(id)"
    }

    /// The key of resource `id` in the same project and region.
    func sibling(_ id: String) -> ResourceKey { ResourceKey(project: project, region: region, id: id) }
}
