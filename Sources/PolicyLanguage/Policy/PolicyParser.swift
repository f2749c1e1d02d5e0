/// Turns policy JSON into a `PolicyDocument`, reporting every problem with its place.
///
/// Never throws: a document that cannot be used yields `document == nil` and error diagnostics;
/// a usable document with oddities yields warnings. Unknown elements or operators are reported and
/// kept in the safe direction (they must never make a real grant disappear).
public enum PolicyParser {
  /// Parses a policy given as text: a JSON object, a JSON string holding the object, or a
  /// URL-encoded JSON object (as IAM stores it).
  public static func parse(text: String, source: PolicySource, kind: PolicyKind) -> PolicyParseResult {
    PolicyParseResult(
      document: nil,
      diagnostics: [
        Diagnostic(.error, file: source.file ?? source.name, message: "policy parsing is not built yet")
      ])
  }

  /// Parses a policy that is already a JSON node of a file whose lines are indexed by `lines`.
  /// A string node is decoded as a JSON string or URL-encoded policy.
  public static func parse(node: JSONNode, lines: LineIndex, source: PolicySource, kind: PolicyKind)
    -> PolicyParseResult
  {
    parse(text: "", source: source, kind: kind)
  }
}

/// The outcome of parsing one policy: the document when usable, and every problem found.
public struct PolicyParseResult: Sendable {
  public var document: PolicyDocument?
  public var diagnostics: [Diagnostic]

  public init(document: PolicyDocument?, diagnostics: [Diagnostic]) {
    self.document = document
    self.diagnostics = diagnostics
  }
}

/// Which kind of policy a document is; it decides which elements are required or forbidden.
public enum PolicyKind: String, Sendable, Hashable {
  case identity
  case resource
  case trust
  case serviceControl
  case resourceControl
  case keyPolicy
  case permissionsBoundary
  case session
}
