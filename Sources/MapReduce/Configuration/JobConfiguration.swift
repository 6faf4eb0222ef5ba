/// A job's configuration: Hadoop property names mapped to string values.
///
/// The keys the engine reads, with their defaults (Hadoop's unless noted):
/// - `mapreduce.job.reduces` (1): reduce tasks; 0 makes a map-only job.
/// - `mapreduce.job.maps` (2): map tasks for inputs that are generated, not read.
/// - `mapreduce.task.io.sort.mb` (100): the map-side sort buffer, in MiB.
/// - `mapreduce.map.sort.spill.percent` (0.80): buffer fill that triggers a spill.
/// - `mapreduce.task.io.sort.factor` (10): spill files merged at once.
/// - `mapreduce.input.fileinputformat.split.minsize` (1) and
///   `mapreduce.input.fileinputformat.split.maxsize` (Int64.max): split size bounds, in bytes.
/// - `dfs.blocksize` (134217728): the block size a split defaults to.
/// - `mapreduce.map.maxattempts` and `mapreduce.reduce.maxattempts` (4).
/// - `mapreduce.output.textoutputformat.separator` (a tab).
/// - `mapreduce.job.name`: the job's name, shown in progress output.
public struct JobConfiguration: Sendable, Hashable {
    /// Every property, by Hadoop name.
    public var properties: [String: String]

    /// A configuration holding `properties`.
    public init(_ properties: [String: String] = [:]) { self.properties = properties }

    /// The raw value of `key`, if set.
    public subscript(key: String) -> String? {
        get { properties[key] }
        set { properties[key] = newValue }
    }

    /// `key` as an integer, or `defaultValue` if unset; throws if it is set but not an integer.
    public func int(_ key: String, default defaultValue: Int64) throws -> Int64 {
        guard let text = properties[key] else { return defaultValue }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Int64(trimmed) ?? Self.withSuffix(trimmed) else {
            throw ConfigurationError(key: key, value: text, expected: "an integer")
        }
        return value
    }

    /// `key` as a number, or `defaultValue` if unset; throws if it is set but not a number.
    public func double(_ key: String, default defaultValue: Double) throws -> Double {
        guard let text = properties[key] else { return defaultValue }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw ConfigurationError(key: key, value: text, expected: "a number")
        }
        return value
    }

    /// `key` as a string, or `defaultValue` if unset.
    public func string(_ key: String, default defaultValue: String) -> String {
        properties[key] ?? defaultValue
    }

    /// This configuration with `other`'s properties laid over it.
    public func merging(_ other: [String: String]) -> JobConfiguration {
        JobConfiguration(properties.merging(other) { _, new in new })
    }

    /// Hadoop accepts sizes such as `128m` or `1g` for some keys.
    private static func withSuffix(_ text: String) -> Int64? {
        guard let last = text.last?.lowercased(), let number = Int64(text.dropLast()) else { return nil }
        switch last {
        case "k": return number << 10
        case "m": return number << 20
        case "g": return number << 30
        case "t": return number << 40
        default: return nil
        }
    }
}

/// The configuration keys the engine reads.
public enum ConfigKey {
    public static let reduces = "mapreduce.job.reduces"
    public static let maps = "mapreduce.job.maps"
    public static let jobName = "mapreduce.job.name"
    public static let sortMB = "mapreduce.task.io.sort.mb"
    public static let spillPercent = "mapreduce.map.sort.spill.percent"
    public static let sortFactor = "mapreduce.task.io.sort.factor"
    public static let splitMinSize = "mapreduce.input.fileinputformat.split.minsize"
    public static let splitMaxSize = "mapreduce.input.fileinputformat.split.maxsize"
    public static let blockSize = "dfs.blocksize"
    public static let mapMaxAttempts = "mapreduce.map.maxattempts"
    public static let reduceMaxAttempts = "mapreduce.reduce.maxattempts"
    public static let outputSeparator = "mapreduce.output.textoutputformat.separator"
}

/// A configuration value that does not have the expected form.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    /// The property name.
    public var key: String
    /// The value that was given.
    public var value: String
    /// What the value should have been.
    public var expected: String

    public var description: String {
        "property \(key) must be \(expected), got '\(value)'; set it with -D \(key)=VALUE"
    }
}

import Foundation
