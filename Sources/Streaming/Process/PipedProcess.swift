#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A child process whose stdin, stdout and stderr are pipes, driven from the
/// one thread of its task attempt with poll(2): writing its input and reading
/// both outputs happen in the same loop, so a program that writes a lot before
/// it reads more, or reads everything before it writes, never deadlocks, and
/// memory stays bounded by one buffer per stream (plus the longest line).
///
/// The child runs in a process group of its own, in the attempt's directory,
/// with no descriptor of ours but its three streams. Dropping the process
/// without `finish` kills the whole group and reaps it: an attempt that fails
/// or is killed leaves nothing running.
final class PipedProcess {
    /// Which output a line came from.
    enum Stream { case output, error }

    /// The child's process ID (also its process group ID).
    let pid: pid_t
    private var input: Int32
    private var output: Int32
    private var error: Int32
    private var pending: ByteQueue
    private var outputLines = LineBuffer()
    private var errorLines = LineBuffer()
    private var exitCode: Int32?
    /// True once the child closed its input while we still had bytes for it.
    private(set) var brokenPipe = false

    /// Queued input beyond which `write` waits for the child to take some.
    static let inputBufferBytes = 256 << 10
    /// The pipe size asked for.
    static let pipeBytes: Int32 = 1 << 20
    /// `F_SETPIPE_SZ`, which Swift's Glibc module does not declare.
    static let setPipeSize: Int32 = 1031

    /// Starts `executable` with `arguments` (argv[0] included), `environment` (`NAME=VALUE`) in `directory`.
    ///
    /// - Throws: `SpawnError` naming the program and the system's reason.
    init(executable: String, arguments: [String], environment: [String], directory: String) throws(SpawnError) {
        PipedProcess.ignoreBrokenPipeSignals()
        let gnu: GNUSpawn.Functions
        do {
            gnu = try GNUSpawn.functions.get()
        } catch {
            throw SpawnError(program: arguments.first ?? executable, code: ENOSYS, detail: error.description)
        }
        var fds: [Int32] = [-1, -1, -1, -1, -1, -1]
        func closeAll() { for fd in fds where fd >= 0 { close(fd) } }
        for pair in 0..<3 {
            let result = fds.withUnsafeMutableBufferPointer { gnu.pipe2($0.baseAddress! + 2 * pair, O_CLOEXEC) }
            if result != 0 {
                let code = errno
                closeAll()
                throw SpawnError(program: arguments.first ?? executable, code: code)
            }
        }
        // fds: [stdin read, stdin write, stdout read, stdout write, stderr read, stderr write]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fds[3], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[5], 2)
        _ = gnu.addChdir(&actions, directory)
        _ = gnu.addCloseFrom(&actions, 3)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        // The child gets default signal handling back: we ignore SIGPIPE, it must not.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)

        var child: pid_t = 0
        let status = withCStrings(arguments) { argv in
            withCStrings(environment) { envp in
                posix_spawn(&child, executable, &actions, &attributes, argv, envp)
            }
        }
        close(fds[0]); close(fds[3]); close(fds[5])
        guard status == 0 else {
            close(fds[1]); close(fds[2]); close(fds[4])
            throw SpawnError(program: arguments.first ?? executable, code: status)
        }
        pid = child
        input = fds[1]
        output = fds[2]
        error = fds[4]
        for fd in [input, output, error] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        // Larger pipes (Linux's F_SETPIPE_SZ) let the program run on while this
        // thread sorts or spills; the system's limit applies, and failing to raise it is harmless.
        for fd in [input, output] { _ = fcntl(fd, Self.setPipeSize, Self.pipeBytes) }
        pending = ByteQueue(capacity: Self.inputBufferBytes * 2)
    }

    deinit {
        for fd in [input, output, error] where fd >= 0 { close(fd) }
        if exitCode == nil { killGroupAndReap() }
    }

    /// Queues `bytes` for the child's stdin; when the queue is full, runs the
    /// loop until it has room again, handing complete output lines to `lines`.
    /// Does nothing once the child has closed its input (see `brokenPipe`).
    @inline(__always)
    func write(_ bytes: UnsafeRawBufferPointer, cancellation: () throws -> Void, lines: (Stream, UnsafeRawBufferPointer) throws -> Void) throws {
        guard input >= 0 else { return }
        pending.append(bytes)
        if pending.count >= Self.inputBufferBytes {
            try run(cancellation: cancellation, lines: lines) { pending.count < Self.inputBufferBytes || input < 0 }
        }
    }

    /// Writes the rest of the input, closes it, reads both outputs to their
    /// ends and waits for the child; returns its exit code (128 + N when signal N ended it).
    func finish(cancellation: () throws -> Void, lines: (Stream, UnsafeRawBufferPointer) throws -> Void) throws -> Int32 {
        try run(cancellation: cancellation, lines: lines) { pending.count == 0 || input < 0 }
        closeInput()
        // Drain both outputs. Once the child has exited, the rest of its group
        // goes too, as a container's does: a background process it left must
        // not keep the pipes, and the attempt, open.
        try run(cancellation: cancellation, lines: lines) {
            if exitCode == nil, reapIfExited() { _ = Glibc.kill(-pid, SIGKILL) }
            return output < 0 && error < 0
        }
        try outputLines.flushLast { try lines(.output, $0) }
        try errorLines.flushLast { try lines(.error, $0) }
        return try waitForExit(cancellation: cancellation)
    }

    /// Reaps the child if it has exited, recording its exit code.
    private func reapIfExited() -> Bool {
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return false }
        exitCode = Self.exitCode(status)
        return true
    }

    /// Java's `Process.exitValue`: the exit status, or 128 + N when signal N ended the process.
    private static func exitCode(_ status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Kills the child's whole process group and reaps the child.
    func kill() {
        if exitCode == nil { killGroupAndReap() }
    }

    private func closeInput() {
        if input >= 0 {
            close(input)
            input = -1
        }
    }

    /// Runs poll rounds until `done` holds or nothing is left to wait on.
    private func run(cancellation: () throws -> Void, lines: (Stream, UnsafeRawBufferPointer) throws -> Void, until done: () -> Bool) throws {
        var fds = [pollfd](repeating: pollfd(), count: 3)
        while !done() {
            try cancellation()
            fds[0] = pollfd(fd: pending.count > 0 ? input : -1, events: Int16(POLLOUT), revents: 0)
            fds[1] = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            fds[2] = pollfd(fd: error, events: Int16(POLLIN), revents: 0)
            if fds.allSatisfy({ $0.fd < 0 }) { return }
            // A bounded wait, so that a kill of the attempt is noticed promptly.
            let ready = poll(&fds, 3, 100)
            if ready < 0 {
                if errno == EINTR { continue }
                throw StreamingError.io("poll on the pipes of process \(pid) failed: \(String(cString: strerror(errno)))")
            }
            if ready == 0 { continue }
            if fds[0].revents != 0 { writeSome() }
            if fds[1].revents != 0 { try readSome(.output, lines: lines) }
            if fds[2].revents != 0 { try readSome(.error, lines: lines) }
        }
    }

    private func writeSome() {
        while pending.count > 0 {
            let written = pending.withReadableBytes { Glibc.write(input, $0.baseAddress, $0.count) }
            if written > 0 {
                pending.consume(written)
                continue
            }
            if written < 0 && errno == EINTR { continue }
            if written < 0 && errno == EAGAIN { return }
            // EPIPE (or any other error): the child no longer reads its input.
            brokenPipe = true
            pending.removeAll()
            closeInput()
            return
        }
    }

    private func readSome(_ stream: Stream, lines: (Stream, UnsafeRawBufferPointer) throws -> Void) throws {
        let count: Int
        if stream == .output {
            count = try outputLines.read(from: output) { try lines(.output, $0) }
        } else {
            count = try errorLines.read(from: error) { try lines(.error, $0) }
        }
        if count == 0 {
            if stream == .output {
                close(output)
                output = -1
            } else {
                close(error)
                error = -1
            }
        }
    }

    private func waitForExit(cancellation: () throws -> Void) throws -> Int32 {
        if let exitCode { return exitCode }
        var status: Int32 = 0
        var pause: UInt32 = 200
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR {
                throw StreamingError.io("waiting for process \(pid) failed: \(String(cString: strerror(errno)))")
            }
            do {
                try cancellation()
            } catch {
                killGroupAndReap()
                throw error
            }
            // Both outputs are closed, so the child is about to exit: back off briefly.
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
        let code = Self.exitCode(status)
        exitCode = code
        // Whatever the child left running in its group goes with it.
        _ = Glibc.kill(-pid, SIGKILL)
        return code
    }

    private func killGroupAndReap() {
        _ = Glibc.kill(-pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        exitCode = 128 + SIGKILL
    }

    /// Writing to a pipe whose reader has gone must fail with EPIPE, not end this process.
    private static func ignoreBrokenPipeSignals() { _ = brokenPipeSignalsIgnored }
}

private let brokenPipeSignalsIgnored: Bool = {
    signal(SIGPIPE, SIG_IGN)
    return true
}()

/// Calls `body` with a NULL-terminated C array of `strings`.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

/// A program that could not be started.
struct SpawnError: Error, CustomStringConvertible {
    var program: String
    var code: Int32
    var detail: String? = nil

    /// Java's wording, which Hadoop's logs show: `Cannot run program "x": error=2, No such file or directory`.
    var description: String {
        "Cannot run program \"\(program)\": error=\(code), " + (detail ?? String(cString: strerror(code)))
    }
}
