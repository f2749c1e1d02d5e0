import PolicyLanguage

/// A policy document prepared once for many evaluations: its statements indexed by the service
/// prefix of their actions, so that a request for `s3:GetObject` looks only at statements that can
/// name an `s3:` action (and at `NotAction` and wildcard-service statements).
public final class CompiledPolicy: Sendable {
  public let document: PolicyDocument
  /// Whether the document's version allows policy variables (read on every scan).
  let supportsVariables: Bool
  private let statements: [CompiledStatement]
  /// Positions of the statements whose every action pattern names a fixed service, by service.
  private let statementsByService: [String: [Int]]
  /// Positions of the statements that may apply to an action of any service.
  private let statementsForEveryService: [Int]

  public init(_ document: PolicyDocument) {
    self.document = document
    supportsVariables = document.version.supportsVariables
    statements = document.statements.map {
      CompiledStatement($0, variables: document.version.supportsVariables)
    }
    var byService: [String: [Int]] = [:]
    var everyService: [Int] = []
    for (position, statement) in document.statements.enumerated() {
      guard let services = CompiledPolicy.services(of: statement.action) else {
        everyService.append(position)
        continue
      }
      for service in services { byService[service, default: []].append(position) }
    }
    statementsByService = byService
    statementsForEveryService = everyService
  }

  /// The services (lower-cased) that `action` can name, or nil when it can name any service
  /// (`NotAction`, `*`, a wildcard in the service part).
  private static func services(of action: ActionElement) -> Set<String>? {
    guard !action.negated else { return nil }
    var services = Set<String>()
    for glob in action.patterns {
      guard let colon = glob.pattern.firstIndex(of: ":") else { return nil }
      let service = glob.pattern[..<colon]
      guard !service.contains("*"), !service.contains("?") else { return nil }
      services.insert(service.lowercased())
    }
    return services
  }

  /// Calls `body` with every statement whose `Action` (or `NotAction`) covers `action` (lower-cased;
  /// `service` is its prefix), in document order: only the statements indexed under the service
  /// and those of every service are matched.
  func forEachStatement(covering action: String, service: String, _ body: (CompiledStatement) -> Void) {
    let named = statementsByService[service] ?? []
    var next = 0
    func visit(_ statement: CompiledStatement) {
      if statement.appliesTo(loweredAction: action) { body(statement) }
    }
    for position in statementsForEveryService {
      while next < named.count, named[next] < position {
        visit(statements[named[next]])
        next += 1
      }
      visit(statements[position])
    }
    while next < named.count {
      visit(statements[named[next]])
      next += 1
    }
  }
}
