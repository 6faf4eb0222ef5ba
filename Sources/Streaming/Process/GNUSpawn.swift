#if canImport(Glibc)
import Glibc

/// glibc's GNU extensions that Swift's Glibc module does not declare (they sit
/// behind `_GNU_SOURCE`), looked up once by symbol. Each is in every glibc
/// since 2.34; their absence is reported, not worked around.
enum GNUSpawn {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> Int32
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    struct Functions: @unchecked Sendable {
        // Unchecked: C function pointers, immutable after lookup.
        var pipe2: Pipe2
        var addChdir: AddChdir
        var addCloseFrom: AddCloseFrom
    }

    /// The functions, or the name of the one that is missing.
    static let functions: Result<Functions, StreamingError> = {
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
            return unsafeBitCast(address, to: type)
        }
        guard let pipe2 = symbol("pipe2", as: Pipe2.self),
              let addChdir = symbol("posix_spawn_file_actions_addchdir_np", as: AddChdir.self),
              let addCloseFrom = symbol("posix_spawn_file_actions_addclosefrom_np", as: AddCloseFrom.self) else {
            return .failure(.io("streaming needs glibc 2.34 or later (pipe2, posix_spawn_file_actions_addchdir_np, "
                + "posix_spawn_file_actions_addclosefrom_np); this system's C library lacks them"))
        }
        return .success(Functions(pipe2: pipe2, addChdir: addChdir, addCloseFrom: addCloseFrom))
    }()
}
#endif
