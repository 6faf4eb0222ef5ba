/// A valid address for zero-length byte ranges, so that empty keys and values
/// never need an optional pointer. Nothing is ever written through it.
package enum EmptyBytes {
    nonisolated(unsafe) package static let pointer = UnsafeRawPointer(UnsafeMutableRawPointer.allocate(byteCount: 8, alignment: 8))
    package static var buffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: pointer, count: 0) }
}
