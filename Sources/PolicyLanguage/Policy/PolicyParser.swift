/// Turns policy JSON into a `PolicyDocument`, reporting every problem with its place.
///
/// Never throws: a document that cannot be used yields `document == nil` and error diagnostics;
/// a usable document with oddities yields warnings. Unknown elements or operators are reported and
/// kept in the safe direction (they must never make a real grant disappear).
///
/// Choices where AWS documents nothing:
/// - Duplicate keys in an object: a warning, and the **last** occurrence is used (what common JSON
///   decoders do, and what a document round-tripped through one would keep).
/// - URL-encoded text is decoded per RFC 3986 (IAM's documented encoding): `%XX` only; `+` stays a
///   plus sign (it is not a space there).
/// - Element names and operator names are matched case-insensitively; a name in the wrong case is
///   accepted with a warning rather than dropped.
public enum PolicyParser {
  /// Parses a policy given as text: a JSON object, a JSON string holding the object, or a
  /// URL-encoded JSON object (as IAM stores it).
  public static func parse(text: String, source: PolicySource, kind: PolicyKind) -> PolicyParseResult {
    parse(bytes: Array(text.utf8), source: source, kind: kind)
  }

  /// Parses a policy given as raw bytes (a file's content), in any of the forms `parse(text:)` takes.
  /// Invalid UTF-8 is reported with its place rather than replaced.
  public static func parse(bytes: [UInt8], source: PolicySource, kind: PolicyKind) -> PolicyParseResult {
    var reporter = DiagnosticReporter(source: source)
    let decoded = PolicyTextDecoder.decode(bytes, reporter: &reporter)
    guard let decoded else { return PolicyParseResult(document: nil, diagnostics: reporter.diagnostics) }
    var reader = PolicyDocumentReader(kind: kind, reporter: reporter, lines: decoded.lines)
    let document = reader.readDocument(decoded.root)
    return PolicyParseResult(document: document, diagnostics: reader.reporter.diagnostics)
  }

  /// Parses a policy that is already a JSON node of a file whose lines are indexed by `lines`.
  /// A string node is decoded as a JSON string or URL-encoded policy; its statements are then
  /// located inside the string's text and `source.embeddedAt` is set to the string's place.
  public static func parse(node: JSONNode, lines: LineIndex, source: PolicySource, kind: PolicyKind)
    -> PolicyParseResult
  {
    if let text = node.stringValue {
      var embedded = source
      if embedded.embeddedAt == nil { embedded.embeddedAt = lines.location(of: node.offset) }
      return parse(text: text, source: embedded, kind: kind)
    }
    let reporter = DiagnosticReporter(source: source)
    var reader = PolicyDocumentReader(kind: kind, reporter: reporter, lines: lines)
    let document = reader.readDocument(node)
    return PolicyParseResult(document: document, diagnostics: reader.reporter.diagnostics)
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

  /// Whether any diagnostic is an error (something was lost).
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
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

  /// Resource-based kinds name their principals; the others must not.
  public var requiresPrincipal: Bool {
    switch self {
    case .resource, .trust, .resourceControl, .keyPolicy: return true
    case .identity, .serviceControl, .permissionsBoundary, .session: return false
    }
  }

  /// Trust policies have no `Resource` (the role is the resource); every other kind needs one.
  public var requiresResource: Bool { self != .trust }

  /// `NotPrincipal` is invalid in trust policies and RCPs (which must name `"*"`).
  public var allowsNotPrincipal: Bool { self == .resource || self == .keyPolicy }
}
