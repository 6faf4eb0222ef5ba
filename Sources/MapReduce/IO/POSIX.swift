#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Thin wrappers over the POSIX calls the engine's hot paths use, so that data
/// moves between the kernel and our buffers without Foundation's copies.
enum POSIX {
    /// The current `errno` as a readable sentence.
    static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }

    static func openForReading(_ path: String) throws -> Int32 {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw IOFailure(path: path, operation: "open", code: errno) }
        return fd
    }

    static func createForWriting(_ path: String) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw IOFailure(path: path, operation: "create", code: errno) }
        return fd
    }

    /// Reads up to `count` bytes at `offset`, retrying on EINTR; returns bytes read (0 at end of file).
    static func read(_ fd: Int32, into pointer: UnsafeMutableRawPointer, count: Int, at offset: Int64, path: String) throws -> Int {
        while true {
            let n = pread(fd, pointer, count, off_t(offset))
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw IOFailure(path: path, operation: "read", code: errno)
        }
    }

    /// Writes all `count` bytes, retrying short writes and EINTR.
    static func writeAll(_ fd: Int32, _ pointer: UnsafeRawPointer, count: Int, path: String) throws {
        var done = 0
        while done < count {
            let n = write(fd, pointer + done, count - done)
            if n > 0 { done += n; continue }
            if n < 0 && errno == EINTR { continue }
            throw IOFailure(path: path, operation: "write", code: n < 0 ? errno : EIO)
        }
    }

    static func closeFile(_ fd: Int32, path: String) throws {
        if close(fd) != 0 { throw IOFailure(path: path, operation: "close", code: errno) }
    }

    /// Closes a descriptor nobody reads written data through: one opened for
    /// reading, or a writer's being abandoned after a failure. Linux frees the
    /// descriptor even when `close` reports EINTR or EIO, and such a descriptor
    /// has no data left to lose, so only EBADF (a double close: a bug) matters.
    static func release(_ fd: Int32, path: String) {
        let result = close(fd)
        let code = errno
        precondition(result == 0 || code != EBADF, "descriptor \(fd) of \(path) was closed twice")
    }

    static func fileSize(_ path: String) throws -> Int64 {
        var info = stat()
        if stat(path, &info) != 0 { throw IOFailure(path: path, operation: "stat", code: errno) }
        return Int64(info.st_size)
    }
}

/// A failed system call on a file, with the path and the system's reason.
public struct IOFailure: Error, CustomStringConvertible, Sendable {
    /// The file the call was about.
    public var path: String
    /// What the engine was doing: `open`, `read`, `write`, `rename`, …
    public var operation: String
    /// The `errno` value.
    public var code: Int32

    public var description: String {
        "cannot \(operation) \(path): \(POSIX.errorText(code))"
    }
}
