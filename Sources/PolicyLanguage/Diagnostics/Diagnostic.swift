/// A problem found in an input file, located as precisely as the input allows.
///
/// `description` reads like a compiler message: `iam.json:412:17: error: Effect must be ...`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  /// How bad the problem is: an error loses something (a policy, a file); a warning loses nothing.
  public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
  }

  public var severity: Severity
  /// The file (path as given by the user) or another name of the document, such as `request.resourcePolicy`.
  public var file: String
  /// Line and column in the file, when known.
  public var location: SourceLocation?
  /// A JSON pointer to the place (`/Statement/2/Effect`), when known.
  public var pointer: String?
  public var message: String

  public init(
    _ severity: Severity, file: String, location: SourceLocation? = nil, pointer: String? = nil,
    message: String
  ) {
    self.severity = severity
    self.file = file
    self.location = location
    self.pointer = pointer
    self.message = message
  }

  public var description: String {
    var place = file
    if let location { place += ":\(location)" }
    var text = "\(place): \(severity.rawValue): \(message)"
    if let pointer, !pointer.isEmpty { text += " (at \(pointer))" }
    return text
  }
}
