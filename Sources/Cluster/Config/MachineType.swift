import Foundation

/// A Compute Engine machine type that Miniproc can simulate: its vCPUs, its memory
/// and the YARN NodeManager share of them.
///
/// The catalog covers the n1, n2 and e2 standard, highmem and highcpu families
/// plus the shared-core e2-medium, e2-small and e2-micro, with Compute Engine's
/// shapes (n1-standard 3.75 GiB per vCPU, n1-highmem 6.5, n1-highcpu 0.9; n2 and
/// e2 standard 4, highmem 8, highcpu 1).
public struct MachineType: Sendable, Hashable, CustomStringConvertible {
    /// A machine series; the NodeManager memory rule differs between them.
    public enum Family: String, Sendable, Hashable, CaseIterable {
        /// First-generation general purpose.
        case n1
        /// Second-generation general purpose.
        case n2
        /// Cost-optimised general purpose.
        case e2
    }

    /// The bare name, such as `n1-standard-4`.
    public let name: String
    /// The series.
    public let family: Family
    /// Virtual CPUs.
    public let vCPUs: Int
    /// Memory in MiB.
    public let memoryMiB: Int

    /// A machine type; use `MachineType(uri:)` to look one up in the catalog.
    init(name: String, family: Family, vCPUs: Int, memoryMiB: Int) {
        self.name = name
        self.family = family
        self.vCPUs = vCPUs
        self.memoryMiB = memoryMiB
    }

    /// Looks up a bare name (`n1-standard-4`) or a `machineTypeUri` URL
    /// (`https://…/zones/Z/machineTypes/n1-standard-4`); nil when not in the catalog.
    public init?(uri: String) {
        let name = Self.bareName(of: uri)
        guard let match = Self.catalogByName[name] else { return nil }
        self = match
    }

    /// The bare name.
    public var description: String { name }

    /// Memory YARN's NodeManager offers to containers on a node of this type, in MB.
    ///
    /// Dataproc publishes no formula; this matches its observed values: 80 % of
    /// the VM's memory for n1 ("4 CPU and 12 GB available" for n1-standard-4), and
    /// 13544/16384 of it for n2 and e2, as reported for n2-standard-4 on image 2.2.
    public var yarnNodeManagerMemoryMB: Int {
        switch family {
        case .n1: memoryMiB * 4 / 5
        case .n2, .e2: memoryMiB * 13_544 / 16_384
        }
    }

    /// vcores YARN's NodeManager offers: one per vCPU.
    public var yarnNodeManagerVcores: Int { vCPUs }

    /// The last path segment of a machine type URL, or the name itself.
    static func bareName(of uri: String) -> String {
        let trimmed = uri.trimmingCharacters(in: .whitespaces)
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }
}
