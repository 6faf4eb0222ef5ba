import MiniprocCLI

/// The `miniproc` executable: every command lives in `MiniprocCLI`.
@main
enum MiniprocMain {
    static func main() async {
        await Miniproc.runAndExit()
    }
}
