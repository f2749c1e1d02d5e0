/// Why the browser cannot start on this terminal; its description is the one-line error shown.
public struct TerminalUnavailable: Error, CustomStringConvertible, Sendable {
  public let description: String

  public init(_ description: String) { self.description = description }
}
