@main
struct Miniproc {
    static func main() {}
}
