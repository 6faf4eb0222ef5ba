/// Identifies one `requestContainers` call, so the caller can tell which ask
/// (an application master, a map, a reduce) an allocation answers.
public struct ContainerRequestID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The 1-based order of the request; the queue serves requests in this order.
    public let sequence: Int

    /// Orders by arrival, the order the queue serves.
    public static func < (lhs: ContainerRequestID, rhs: ContainerRequestID) -> Bool { lhs.sequence < rhs.sequence }

    /// `request#5`.
    public var description: String { "request#\(sequence)" }
}
