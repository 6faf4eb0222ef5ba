import Foundation

/// Whether an instance group's VMs can be reclaimed by Compute Engine.
///
/// Primary workers and the master are always `nonPreemptible`; secondary
/// workers default to `preemptible`. Decodes the enum name or its proto number
/// (the Python client sends numbers) and always encodes the name.
public enum Preemptibility: String, Sendable, Hashable, CaseIterable {
    /// Not set: the group's default applies.
    case unspecified = "PREEMPTIBILITY_UNSPECIFIED"
    /// Ordinary VMs, never reclaimed.
    case nonPreemptible = "NON_PREEMPTIBLE"
    /// Preemptible VMs: may be reclaimed at any time, and live at most 24 hours.
    case preemptible = "PREEMPTIBLE"
    /// Spot VMs: may be reclaimed at any time, with no maximum lifetime.
    case spot = "SPOT"

    /// The proto enum number.
    public var number: Int {
        switch self {
        case .unspecified: 0
        case .nonPreemptible: 1
        case .preemptible: 2
        case .spot: 3
        }
    }

    /// The value with proto enum number `number`, if any.
    public init?(number: Int) {
        guard let match = Self.allCases.first(where: { $0.number == number }) else { return nil }
        self = match
    }
}

extension Preemptibility: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try container.decodeIfWritten(as: Int.self) {
            guard let value = Preemptibility(number: number) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(number) is not a preemptibility")
            }
            self = value
            return
        }
        let name = try container.decode(String.self)
        guard let value = Preemptibility(rawValue: name) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(name)' is not a preemptibility; use NON_PREEMPTIBLE, PREEMPTIBLE or SPOT"
            )
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
