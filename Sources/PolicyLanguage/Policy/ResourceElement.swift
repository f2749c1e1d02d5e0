/// The `Resource` (or `NotResource`) element: ARN patterns, matched case-sensitively and field by field.
public struct ResourceElement: Sendable, Hashable {
  /// True for `NotResource`.
  public var negated: Bool
  public var patterns: [Glob] {
    didSet { compiled = patterns.map(CompiledResourcePattern.init) }
  }
  /// The patterns compiled for ARN matching (kept in step with `patterns`).
  private(set) var compiled: [CompiledResourcePattern]

  public init(negated: Bool, patterns: [Glob]) {
    self.negated = negated
    self.patterns = patterns
    compiled = patterns.map(CompiledResourcePattern.init)
  }

  /// Convenience: compiles `patterns` case-sensitively.
  public init(negated: Bool = false, _ patterns: [String]) {
    self.init(negated: negated, patterns: patterns.map { Glob($0, caseInsensitive: false) })
  }

  /// Whether the element is `"Resource": "*"` (or lists `*`): it matches every resource.
  public var isEverything: Bool { !negated && patterns.contains { $0.pattern == "*" } }

  /// Whether the statement applies to `resource`, with policy variables substituted from `context`
  /// when `variables` is true (three-valued: a variable whose key is unknown makes it unknown; one
  /// whose key is absent, without a default, makes that pattern match nothing).
  public func applies(to resource: String, context: RequestContext, variables: Bool) -> Tristate {
    Glob.withBytes(resource) { applies(to: $0, context: context, variables: variables) }
  }

  private func applies(to resource: UnsafeBufferPointer<UInt8>, context: RequestContext, variables: Bool)
    -> Tristate
  {
    var matched = Tristate.no
    for pattern in compiled {
      switch pattern.matches(resource, context: context, variables: variables) {
      case .yes:
        return negated ? .no : .yes
      case .unknown: matched = .unknown
      case .no: break
      }
    }
    return negated ? !matched : matched
  }

  /// Whether the statement applies to `resource` when no policy variable is substituted.
  public func applies(to resource: String) -> Bool {
    let matched = Glob.withBytes(resource) { bytes in compiled.contains { $0.literal.matches(bytes: bytes) } }
    return negated ? !matched : matched
  }

  public static func == (lhs: ResourceElement, rhs: ResourceElement) -> Bool {
    lhs.negated == rhs.negated && lhs.patterns == rhs.patterns
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(negated)
    hasher.combine(patterns)
  }
}

/// One resource pattern, compiled for literal use (no variables) and, when it holds `${…}`, as a
/// template to substitute.
struct CompiledResourcePattern: Sendable {
  let literal: ARNPattern
  let template: PolicyTemplate?

  init(_ glob: Glob) {
    literal = ARNPattern(glob.pattern)
    template = PolicyTemplate(glob.pattern)
  }

  func matches(_ resource: UnsafeBufferPointer<UInt8>, context: RequestContext, variables: Bool) -> Tristate {
    guard variables, let template else { return literal.matches(bytes: resource) ? .yes : .no }
    switch template.resolve(in: context, wildcards: true) {
    case .resolved(let bytes): return ARNPattern.match(compiled: bytes, resource) ? .yes : .no
    case .unresolved: return .no
    case .unknown: return .unknown
    }
  }
}
