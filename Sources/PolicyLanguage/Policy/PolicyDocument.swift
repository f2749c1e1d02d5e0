/// A parsed IAM policy document: identity policy, resource policy, trust policy, SCP, RCP or key policy.
public struct PolicyDocument: Sendable, Hashable {
  public var source: PolicySource
  public var version: PolicyVersion
  public var id: String?
  public var statements: [Statement]

  public init(source: PolicySource, version: PolicyVersion, id: String? = nil, statements: [Statement]) {
    self.source = source
    self.version = version
    self.id = id
    self.statements = statements
  }
}

/// The policy language version; policy variables are substituted only in `v2012_10_17`.
public enum PolicyVersion: String, Sendable, Hashable {
  case v2012_10_17 = "2012-10-17"
  case v2008_10_17 = "2008-10-17"
  /// No `Version` element: AWS treats the document as 2008-10-17 (no variables).
  case unspecified = ""

  /// Whether `${...}` is a policy variable (true) or literal text (false).
  public var supportsVariables: Bool { self == .v2012_10_17 }
}

/// Where a policy document came from, for evidence: the policy's name and the file that holds it.
public struct PolicySource: Sendable, Hashable, CustomStringConvertible {
  /// The policy's name or ARN (`arn:aws:iam::aws:policy/ReadOnlyAccess`, `bucket policy of b`, `inline ci-write`).
  public var name: String
  /// The file the document was read from, when it came from a file.
  public var file: String?
  /// A JSON pointer to the document inside the file, when the file holds more than one.
  public var pointer: String?
  /// When the document was a JSON string inside the file (bucket and key policies, SCP content),
  /// the location of that string: statement locations are then lines inside the string.
  public var embeddedAt: SourceLocation?

  public init(name: String, file: String? = nil, pointer: String? = nil, embeddedAt: SourceLocation? = nil) {
    self.name = name
    self.file = file
    self.pointer = pointer
    self.embeddedAt = embeddedAt
  }

  public var description: String {
    guard let file else { return name }
    if let embeddedAt { return "\(name) (\(file):\(embeddedAt))" }
    return "\(name) (\(file))"
  }
}
