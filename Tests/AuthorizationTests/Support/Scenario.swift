import Testing

@testable import Authorization
@testable import PolicyLanguage

/// Account ids of the reference cases: A owns the bucket, B and C are other accounts.
enum Accounts {
  static let a = "111111111111"
  static let b = "222222222222"
  static let c = "333333333333"
}

/// One request and its policies, written as JSON text the way AWS stores them.
struct Scenario {
  var principal: String
  var action: String
  var resource: String
  var resourceAccount: String?
  var identity: [String] = []
  var resourcePolicy: String?
  var resourcePolicyKind: PolicyLayers.ResourcePolicyKind = .bucket
  var boundary: String?
  var session: String?
  var serviceControlPolicies: [[String]]?
  var resourceControlPolicies: [[String]]?
  var context: [String: [String]] = [:]
  var unknown: [String] = []
  /// Adjusts the caller parsed from `principal` (unique id, organization, tags, exemptions).
  var adjustCaller: @Sendable (inout Caller) -> Void = { _ in }

  init(
    _ principal: String, _ action: String, _ resource: String, resourceAccount: String? = nil,
    kind: PolicyLayers.ResourcePolicyKind = .bucket
  ) {
    self.principal = principal
    self.action = action
    self.resource = resource
    self.resourceAccount = resourceAccount
    self.resourcePolicyKind = kind
  }

  var request: Request {
    get throws {
      var caller = try #require(Caller(principal: principal), "unparsable principal \(principal)")
      adjustCaller(&caller)
      var requestContext = RequestContext(values: context)
      for key in unknown { requestContext.declareUnknown(key) }
      return Request(
        caller: caller, action: action, resource: resource, resourceAccount: resourceAccount,
        context: requestContext)
    }
  }

  var layers: PolicyLayers {
    get throws {
      let resourceLanguage: PolicyKind =
        switch resourcePolicyKind {
        case .trust: .trust
        case .keyPolicy: .keyPolicy
        case .bucket, .other: .resource
        }
      return PolicyLayers(
        serviceControlPolicies: try serviceControlPolicies?.enumerated().map { level, texts in
          try texts.enumerated().map { try parse($1, .serviceControl, "scp-\(level)-\($0)") }
        },
        resourceControlPolicies: try resourceControlPolicies?.enumerated().map { level, texts in
          try texts.enumerated().map { try parse($1, .resourceControl, "rcp-\(level)-\($0)") }
        },
        resourcePolicy: try resourcePolicy.map { try parse($0, resourceLanguage, "resource") },
        resourcePolicyKind: resourcePolicyKind,
        identityPolicies: try identity.enumerated().map { try parse($1, .identity, "identity-\($0)") },
        permissionsBoundary: try boundary.map { try parse($0, .permissionsBoundary, "boundary") },
        sessionPolicy: try session.map { try parse($0, .session, "session") })
    }
  }

  /// Evaluates traced, and checks that the untraced fast path and the compiled layers agree.
  func evaluate() throws -> Decision {
    let request = try self.request
    let layers = try self.layers
    let traced = Evaluator.evaluate(request, layers: layers, traced: true)
    let untraced = Evaluator.evaluate(request, layers: layers, traced: false)
    #expect(untraced.outcome == traced.outcome, "untraced evaluation disagrees")
    #expect(untraced.residual == traced.residual, "untraced residual disagrees")
    #expect(untraced.layers.isEmpty)
    let compiled = CompiledPolicyLayers(layers)
    #expect(Evaluator.evaluate(request, layers: compiled, traced: true) == traced, "compiled layers disagree")
    #expect(
      Evaluator.evaluate(request, layers: compiled, traced: false) == untraced, "compiled fast path disagrees"
    )
    return traced
  }

  func outcome() throws -> Decision.Outcome { try evaluate().outcome }
}

/// Parses a policy that must parse without errors.
func parse(_ text: String, _ kind: PolicyKind, _ name: String) throws -> PolicyDocument {
  let result = PolicyParser.parse(
    text: text, source: PolicySource(name: name, file: "\(name).json"), kind: kind)
  for diagnostic in result.diagnostics where diagnostic.severity == .error {
    Issue.record("policy \(name): \(diagnostic)")
  }
  return try #require(result.document)
}

/// Principal ARNs used across the cases.
enum Principals {
  static func session(_ account: String, _ role: String, _ session: String = "s") -> String {
    "arn:aws:sts::\(account):assumed-role/\(role)/\(session)"
  }

  static func role(_ account: String, _ role: String) -> String { "arn:aws:iam::\(account):role/\(role)" }
  static func user(_ account: String, _ user: String) -> String { "arn:aws:iam::\(account):user/\(user)" }
  static func root(_ account: String) -> String { "arn:aws:iam::\(account):root" }
}
