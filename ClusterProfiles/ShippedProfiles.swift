import Foundation

/// The profiles, autoscaling policies and workload traces that ship with Miniproc.
///
/// They are the files of this folder, installed beside the binary as the module's
/// resources so that a name such as `large`, `aggressive` or `example` loads from
/// any directory. The layout is the folder's own: profiles at the top,
/// `policies/` and `traces/` below. `ProfileLoader`, `PolicyLoader` and
/// `TraceLoader` look here last, after a `ClusterProfiles/` folder of the user's.
public enum ShippedProfiles {
    /// The folder the shipped files were installed in.
    public static var directory: URL {
        Bundle.module.resourceURL ?? Bundle.module.bundleURL
    }
}
