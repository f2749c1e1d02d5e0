import PolicyLanguage

/// A policy the evaluator scans: a `CompiledPolicy` (prepared once for many requests) or a plain
/// `PolicyDocument` (matched as it is, for one-off requests).
protocol ScannablePolicy {
  associatedtype Candidate: ScannableStatement
  var document: PolicyDocument { get }
  /// Whether the document's version allows policy variables.
  var supportsVariables: Bool { get }
  /// Calls `body` with every statement whose `Action` (or `NotAction`) covers `action` (lower-cased;
  /// `service` is its prefix), in document order.
  func forEachStatement(covering action: String, service: String, _ body: (Candidate) -> Void)
}

/// One statement as the evaluator matches it.
protocol ScannableStatement {
  var statement: Statement { get }
  var effect: Effect { get }
  /// Whether the statement applies to every resource in every context (no condition to evaluate).
  var appliesEverywhere: Bool { get }
  /// The context keys AWS derives that the statement's conditions (or variables) read.
  var derivedKeys: DerivedKeys { get }
  /// How a `Principal` (not `NotPrincipal`) element names `caller` at best, or nil.
  func bestMatch(for caller: Caller) -> PrincipalMatch?
}

extension PolicyDocument: ScannablePolicy {
  var document: PolicyDocument { self }
  var supportsVariables: Bool { version.supportsVariables }

  func forEachStatement(covering action: String, service: String, _ body: (PlainStatement) -> Void) {
    let variables = version.supportsVariables
    statements.withUnsafeBufferPointer { statements in
      for index in statements.indices where statements[index].action.applies(to: action) {
        body(PlainStatement(statement: statements[index], variables: variables))
      }
    }
  }
}

/// A statement of a plain document, matched element by element.
struct PlainStatement: ScannableStatement {
  let statement: Statement
  let variables: Bool

  var effect: Effect { statement.effect }
  var appliesEverywhere: Bool {
    statement.conditions.isEmpty && statement.resource.map(\.isEverything) ?? true
  }

  var derivedKeys: DerivedKeys { DerivedKeys(readBy: statement, variables: variables) }

  func bestMatch(for caller: Caller) -> PrincipalMatch? {
    guard let element = statement.principal, !element.negated else { return nil }
    var best: PrincipalMatch?
    for entry in element.entries {
      if let found = caller.match(entry), best.map({ found > $0 }) ?? true { best = found }
    }
    return best
  }
}

extension CompiledPolicy: ScannablePolicy {}

extension CompiledStatement: ScannableStatement {
  func bestMatch(for caller: Caller) -> PrincipalMatch? { principals?.bestMatch(for: caller) }
}
