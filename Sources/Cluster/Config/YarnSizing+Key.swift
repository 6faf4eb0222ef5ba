import Foundation

extension YarnSizing {
    /// The cluster properties that override a sizing, spelled as in `softwareConfig.properties`.
    public enum Key: String, Sendable, Hashable, CaseIterable {
        /// NodeManager memory.
        case nodeManagerMemoryMB = "yarn:yarn.nodemanager.resource.memory-mb"
        /// NodeManager vcores.
        case nodeManagerVcores = "yarn:yarn.nodemanager.resource.cpu-vcores"
        /// Largest container.
        case maximumAllocationMB = "yarn:yarn.scheduler.maximum-allocation-mb"
        /// Smallest container.
        case minimumAllocationMB = "yarn:yarn.scheduler.minimum-allocation-mb"
        /// Map container memory.
        case mapMemoryMB = "mapred:mapreduce.map.memory.mb"
        /// Reduce container memory.
        case reduceMemoryMB = "mapred:mapreduce.reduce.memory.mb"
        /// Application master memory.
        case appMasterMemoryMB = "mapred:yarn.app.mapreduce.am.resource.mb"
        /// Map container vcores.
        case mapVcores = "mapred:mapreduce.map.cpu.vcores"
        /// Reduce container vcores.
        case reduceVcores = "mapred:mapreduce.reduce.cpu.vcores"
        /// Application master vcores.
        case appMasterVcores = "mapred:yarn.app.mapreduce.am.resource.cpu-vcores"
        /// Default number of maps.
        case jobMaps = "mapred:mapreduce.job.maps"
        /// Default number of reduces.
        case jobReduces = "mapred:mapreduce.job.reduces"

        /// The smallest value the key accepts: 0 reduces means map-only, everything else needs 1.
        var minimum: Int { self == .jobReduces ? 0 : 1 }
    }

    /// The overriding properties, parsed on use so that only sizing keys are checked.
    struct Overrides {
        let properties: [String: String]

        init(_ properties: [String: String]) {
            self.properties = properties
        }

        func value(_ key: Key) throws(ClusterConfigError) -> Int? {
            guard let text = properties[key.rawValue] else { return nil }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)), value >= key.minimum else {
                throw .invalidProperty(
                    key: key.rawValue, value: text,
                    expected: key.minimum == 0 ? "a whole number of 0 or more" : "a whole number of 1 or more"
                )
            }
            return value
        }
    }
}
