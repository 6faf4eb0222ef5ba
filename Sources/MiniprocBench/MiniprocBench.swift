@main
struct MiniprocBench {
    static func main() {}
}
