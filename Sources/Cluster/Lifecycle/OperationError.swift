/// Why an operation failed: `Operation.error`, a `google.rpc.Status`.
public struct OperationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The numeric `google.rpc.Code` (1 CANCELLED, 3 INVALID_ARGUMENT, 9 FAILED_PRECONDITION, 13 INTERNAL).
    public var code: Int32
    /// What went wrong.
    public var message: String

    /// An error.
    public init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
