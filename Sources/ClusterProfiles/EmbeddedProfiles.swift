import Foundation

/// Copies of the `small` and `standard` profiles, so that a profile name works
/// from any directory. A test checks that they equal the files in
/// `ClusterProfiles/`. Each literal ends with a blank line because a
/// multi-line literal drops the newline before its closing delimiter, and the
/// files end with one.
enum EmbeddedProfiles {
    static let texts: [String: String] = [
        "small": small,
        "standard": standard,
    ]

    static let small = #"""
# The default for `miniproc run`: one master and two small workers, cheap to simulate.
config:
  masterConfig:
    diskConfig:
      bootDiskSizeGb: 50
      bootDiskType: pd-standard
    machineTypeUri: n1-standard-2
    numInstances: 1
  softwareConfig:
    imageVersion: 2.2-debian12
  workerConfig:
    diskConfig:
      bootDiskSizeGb: 50
      bootDiskType: pd-standard
    machineTypeUri: n1-standard-2
    numInstances: 2
labels:
  miniproc-profile: small

"""#

    static let standard = #"""
# One master and two n1-standard-4 workers: 12288 MB and 4 vcores of YARN per worker.
config:
  masterConfig:
    diskConfig:
      bootDiskSizeGb: 500
      bootDiskType: pd-standard
    machineTypeUri: n1-standard-4
    numInstances: 1
  softwareConfig:
    imageVersion: 2.2-debian12
  workerConfig:
    diskConfig:
      bootDiskSizeGb: 500
      bootDiskType: pd-standard
    machineTypeUri: n1-standard-4
    numInstances: 2
labels:
  miniproc-profile: standard

"""#
}
