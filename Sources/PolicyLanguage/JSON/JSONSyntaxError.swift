/// Why a text is not JSON, and the byte offset where the reader gave up.
public struct JSONSyntaxError: Error, Sendable, Equatable {
  public var message: String
  public var offset: Int

  public init(_ message: String, offset: Int) {
    self.message = message
    self.offset = offset
  }
}
