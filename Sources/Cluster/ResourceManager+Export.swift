// The resource manager is part of the cluster (see DESIGN.md's module map):
// its clock, metrics and node states appear in `Cluster`'s public API, so
// importing `Cluster` brings them along.
@_exported import ResourceManager
