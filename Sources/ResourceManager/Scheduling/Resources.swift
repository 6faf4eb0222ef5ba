/// An amount of YARN resources: memory in MB and virtual cores.
///
/// Used for node capacities, container sizes and cluster totals alike.
public struct Resources: Hashable, Sendable, CustomStringConvertible {
    /// Memory in megabytes (YARN's `memory-mb`).
    public var memoryMB: Int
    /// Virtual cores (YARN's `vcores`).
    public var vcores: Int

    /// An amount of `memoryMB` megabytes and `vcores` virtual cores.
    public init(memoryMB: Int, vcores: Int) {
        self.memoryMB = memoryMB
        self.vcores = vcores
    }

    /// No memory and no cores.
    public static let zero = Resources(memoryMB: 0, vcores: 0)

    /// `<memory:3386, vCores:1>`, the way YARN prints a resource.
    public var description: String { "<memory:\(memoryMB), vCores:\(vcores)>" }

    /// Whether `other` fits inside this amount in both dimensions.
    public func fits(_ other: Resources) -> Bool {
        other.memoryMB <= memoryMB && other.vcores <= vcores
    }

    /// The sum of two amounts, dimension by dimension.
    public static func + (lhs: Resources, rhs: Resources) -> Resources {
        Resources(memoryMB: lhs.memoryMB + rhs.memoryMB, vcores: lhs.vcores + rhs.vcores)
    }

    /// The difference of two amounts, dimension by dimension.
    public static func - (lhs: Resources, rhs: Resources) -> Resources {
        Resources(memoryMB: lhs.memoryMB - rhs.memoryMB, vcores: lhs.vcores - rhs.vcores)
    }

    /// `amount` taken `count` times.
    public static func * (amount: Resources, count: Int) -> Resources {
        Resources(memoryMB: amount.memoryMB * count, vcores: amount.vcores * count)
    }

    /// Adds `rhs` to `lhs`.
    public static func += (lhs: inout Resources, rhs: Resources) { lhs = lhs + rhs }

    /// Subtracts `rhs` from `lhs`.
    public static func -= (lhs: inout Resources, rhs: Resources) { lhs = lhs - rhs }
}
