/// A policy value that holds policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'none'}`)
/// or the escapes `${*}` `${?}` `${$}`, split once into pieces so that substitution is cheap.
///
/// Substituted values and escapes are literal text: a `*` they bring is never a wildcard.
public struct PolicyTemplate: Sendable, Hashable {
  /// One piece of the value.
  public enum Piece: Sendable, Hashable {
    /// Text as written (its `*` and `?` are wildcards where the value is a pattern).
    case text(String)
    /// A literal character from an escape such as `${*}`.
    case literal(String)
    /// A variable: the condition key whose value replaces it, and the default when the key is absent.
    case variable(key: String, defaultValue: String?)
  }

  public let pieces: [Piece]

  /// Splits `text`; nil when it holds no `${…}` at all (a plain value).
  public init?(_ text: String) {
    guard PolicyTemplate.mayHoldVariables(text) else { return nil }
    var pieces: [Piece] = []
    var rest = Substring(text)
    while let open = rest.firstRange(of: "${") {
      guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
      if open.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<open.lowerBound]))) }
      pieces.append(PolicyTemplate.piece(rest[open.upperBound..<close]))
      rest = rest[rest.index(after: close)...]
    }
    if !rest.isEmpty { pieces.append(.text(String(rest))) }
    self.pieces = pieces
  }

  /// Whether `text` contains `${` (a fast byte scan: most values hold no variable).
  static func mayHoldVariables(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
      if byte == UInt8(ascii: "{") && previous == UInt8(ascii: "$") { return true }
      previous = byte
    }
    return false
  }

  private static func piece(_ body: Substring) -> Piece {
    if body == "*" || body == "?" || body == "$" { return .literal(String(body)) }
    guard let comma = body.firstIndex(of: ",") else {
      return .variable(key: trimmed(body), defaultValue: nil)
    }
    let key = trimmed(body[..<comma])
    let fallback = trimmed(body[body.index(after: comma)...])
    if fallback.count >= 2, fallback.hasPrefix("'"), fallback.hasSuffix("'") {
      return .variable(key: key, defaultValue: String(fallback.dropFirst().dropLast()))
    }
    return .variable(key: key, defaultValue: fallback)
  }

  private static func trimmed(_ text: Substring) -> String {
    String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }

  /// The result of substituting the variables from a request context.
  public enum Resolution: Sendable, Hashable {
    /// The value's bytes; with `wildcards`, `*` and `?` of `.text` pieces are `Glob` wildcards.
    case resolved([UInt8])
    /// A variable's key is absent (and has no default), or has several values: nothing matches.
    case unresolved
    /// A variable's key is declared unknown: the comparison cannot be decided.
    case unknown
  }

  /// Substitutes every variable from `context`.
  public func resolve(in context: RequestContext, wildcards: Bool) -> Resolution {
    var bytes: [UInt8] = []
    for piece in pieces {
      switch piece {
      case .text(let text):
        bytes +=
          wildcards
          ? text.utf8.map { $0 == 0x2A ? Glob.starByte : $0 == 0x3F ? Glob.questionByte : $0 }
          : Array(text.utf8)
      case .literal(let text): bytes += Array(text.utf8)
      case .variable(let key, let defaultValue):
        switch context.lookup(key) {
        case .present(let values) where values.count == 1: bytes += Array(values[0].utf8)
        case .unknown: return .unknown
        case .present, .absent:
          guard let defaultValue else { return .unresolved }
          bytes += Array(defaultValue.utf8)
        }
      }
    }
    return .resolved(bytes)
  }
}
