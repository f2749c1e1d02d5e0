import PolicyLanguage

/// Resource patterns and `s3:prefix` values with policy variables (`home/${aws:username}/*`,
/// `${aws:PrincipalTag/team}/*`) made plain for one caller, so that prefix coverage (glob
/// automata, which know no variables) decides them. Where a value cannot be known the substitution errs on the side of access: an
/// Allow's unknown variable becomes `*`, and a Deny that cannot be made exact is left out (the
/// evaluator still decides each representative request with the variables themselves).
struct ResourceVariables {
  /// The caller's context, with the keys AWS derives from it (`aws:username`, tags, `aws:userid`),
  /// made the first time a pattern holds a variable (most policies have none).
  private let source: ContextSource

  init(context: @escaping () -> RequestContext) {
    source = ContextSource(make: context)
  }

  private var context: RequestContext { source.context }

  /// `element` for this caller; nil when it can match nothing (or, for a Deny, cannot be made exact).
  func resolve(_ element: ResourceElement, variables: Bool, deny: Bool) -> ResourceElement? {
    guard variables, element.patterns.contains(where: { PolicyTemplate($0.pattern) != nil }) else {
      return element
    }
    var patterns: [String] = []
    for glob in element.patterns {
      if let plain = plain(glob.pattern, exact: deny) {
        patterns.append(plain)
      } else if deny && element.negated {
        // A NotResource Deny with a pattern left out would deny more than it does.
        return nil
      }
    }
    guard !patterns.isEmpty else { return element.negated && !deny ? ResourceElement(["*"]) : nil }
    let globs = patterns.map { Glob($0, caseInsensitive: false) }
    return ResourceElement(negated: element.negated, patterns: globs)
  }

  /// The value (a pattern) with its variables replaced; with `exact`, nil unless every piece is
  /// known and free of wildcards, else unknown variables become `*`; nil when a variable is absent
  /// (no default).
  func plain(_ pattern: String, exact: Bool) -> String? {
    guard let template = PolicyTemplate(pattern) else { return pattern }
    var text = ""
    for piece in template.pieces {
      switch piece {
      case .text(let plain): text += plain
      case .literal(let character):
        guard !exact else { return nil }
        text += character
      case .variable(let key, let defaultValue):
        switch context.lookup(key) {
        case .present(let values) where values.count == 1:
          if exact && values[0].hasWildcard { return nil }
          text += values[0]
        case .unknown:
          guard !exact else { return nil }
          text += "*"
        case .present, .absent:
          guard let defaultValue else { return nil }
          text += defaultValue
        }
      }
    }
    return text
  }
}

/// Computes a context once, when first asked.
private final class ContextSource {
  private let make: () -> RequestContext
  private(set) lazy var context: RequestContext = make()

  init(make: @escaping () -> RequestContext) {
    self.make = make
  }
}
