import PolicyLanguage

/// A statement with its `Action` and `Principal` prepared for cheap matching, held by reference so
/// that handing it to the matcher costs one retain rather than a copy.
final class CompiledStatement: Sendable {
  let statement: Statement
  private let actions: [ActionPattern]
  private let negatedActions: Bool
  /// The `Principal` element (not `NotPrincipal`) prepared for matching.
  let principals: CompiledPrincipals?
  /// The context keys AWS derives that the statement's conditions (or variables) read.
  let derivedKeys: DerivedKeys
  let effect: Effect
  /// Whether the statement applies to every resource in every context (`Resource` absent or `*`,
  /// no `Condition`): the common case, decided without reading the statement again.
  let appliesEverywhere: Bool

  init(_ statement: Statement, variables: Bool) {
    self.statement = statement
    effect = statement.effect
    appliesEverywhere = statement.conditions.isEmpty && statement.resource.map(\.isEverything) ?? true
    derivedKeys = DerivedKeys(readBy: statement, variables: variables)
    actions = statement.action.patterns.map(ActionPattern.init)
    negatedActions = statement.action.negated
    principals = statement.principal.flatMap { $0.negated ? nil : CompiledPrincipals($0.entries) }
  }

  /// Whether the statement's `Action` (or `NotAction`) covers `action`, given lower-cased.
  func appliesTo(loweredAction action: String) -> Bool {
    var matched = false
    for pattern in actions where pattern.matches(action) {
      matched = true
      break
    }
    return matched != negatedActions
  }
}

/// One action pattern, lower-cased, in the cheapest form that matches it exactly as its `Glob` does.
enum ActionPattern: Sendable {
  /// No wildcard: plain equality.
  case exact(String)
  /// One trailing `*` and no other wildcard (`s3:get*`): a prefix test.
  case prefix(String)
  /// `*` alone.
  case everything
  /// Anything else: the glob itself.
  case glob(Glob)

  init(_ glob: Glob) {
    let lowered = glob.pattern.lowercased()
    let wildcards = lowered.utf8.filter { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }.count
    if wildcards == 0 && lowered.utf8.allSatisfy({ $0 < 0x80 }) {
      self = .exact(lowered)
    } else if lowered == "*" {
      self = .everything
    } else if wildcards == 1 && lowered.hasSuffix("*") && lowered.utf8.allSatisfy({ $0 < 0x80 }) {
      self = .prefix(String(lowered.dropLast()))
    } else {
      self = .glob(glob)
    }
  }

  /// Whether the lower-cased `action` matches.
  func matches(_ action: String) -> Bool {
    switch self {
    case .exact(let text): return action == text
    case .prefix(let text): return action.utf8.starts(with: text.utf8)
    case .everything: return true
    case .glob(let glob): return glob.matches(action)
    }
  }
}
