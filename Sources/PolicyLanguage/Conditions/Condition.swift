/// One `Operator: { Key: [values] }` clause of a statement's `Condition` block.
///
/// The values are compiled once for their operator (globs, numbers, dates, CIDRs, ARN patterns);
/// changing `op` or `values` recompiles them.
public struct Condition: Sendable, Hashable {
  public var op: ConditionOperator {
    didSet { matcher = ConditionMatcher(op: op, values: values) }
  }
  /// The condition key as written (`aws:SourceAccount`); compare with `normalizedKey`.
  public var key: String {
    didSet { normalizedKey = key.lowercased() }
  }
  /// The key lower-cased: condition keys are case-insensitive.
  public var normalizedKey: String
  /// The values, OR'ed (for negated operators: none may match).
  public var values: [String] {
    didSet { matcher = ConditionMatcher(op: op, values: values) }
  }
  /// Where the key appears in the document's text.
  public var location: SourceLocation?
  /// The values compiled for the operator.
  private(set) var matcher: ConditionMatcher

  public init(op: ConditionOperator, key: String, values: [String], location: SourceLocation? = nil) {
    self.op = op
    self.key = key
    self.normalizedKey = key.lowercased()
    self.values = values
    self.location = location
    matcher = ConditionMatcher(op: op, values: values)
  }

  /// Why some values cannot match anything for this operator (a date that is no date...), for warnings.
  public var valueProblems: [String] {
    zip(values, matcher.values).compactMap { text, value in
      value.isInvalid ? "\"\(text)\" is not a valid \(matcher.family.valueDescription) for \(op.raw)" : nil
    }
  }

  public static func == (lhs: Condition, rhs: Condition) -> Bool {
    lhs.op == rhs.op && lhs.normalizedKey == rhs.normalizedKey && lhs.values == rhs.values
      && lhs.key == rhs.key && lhs.location == rhs.location
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(op)
    hasher.combine(normalizedKey)
    hasher.combine(values)
  }
}

/// A condition operator: its family, `IfExists`, and an optional set qualifier.
public struct ConditionOperator: Sendable, Hashable, CustomStringConvertible {
  /// `ForAllValues:` / `ForAnyValue:` for multi-valued keys.
  public enum SetQualifier: String, Sendable, Hashable {
    case none = ""
    case forAllValues = "ForAllValues:"
    case forAnyValue = "ForAnyValue:"
  }

  /// The operator as written (`ForAnyValue:StringLikeIfExists`).
  public var raw: String
  public var base: ConditionOperatorBase
  public var ifExists: Bool
  public var qualifier: SetQualifier

  public init(
    raw: String, base: ConditionOperatorBase, ifExists: Bool = false, qualifier: SetQualifier = .none
  ) {
    self.raw = raw
    self.base = base
    self.ifExists = ifExists
    self.qualifier = qualifier
  }

  public var description: String { raw }
}

/// The operator families of IAM conditions. `unknown` keeps an operator AWS does not have, so it can
/// be reported and evaluated in the safe direction.
public enum ConditionOperatorBase: String, Sendable, Hashable, CaseIterable {
  case stringEquals = "StringEquals"
  case stringNotEquals = "StringNotEquals"
  case stringEqualsIgnoreCase = "StringEqualsIgnoreCase"
  case stringNotEqualsIgnoreCase = "StringNotEqualsIgnoreCase"
  case stringLike = "StringLike"
  case stringNotLike = "StringNotLike"
  case numericEquals = "NumericEquals"
  case numericNotEquals = "NumericNotEquals"
  case numericLessThan = "NumericLessThan"
  case numericLessThanEquals = "NumericLessThanEquals"
  case numericGreaterThan = "NumericGreaterThan"
  case numericGreaterThanEquals = "NumericGreaterThanEquals"
  case dateEquals = "DateEquals"
  case dateNotEquals = "DateNotEquals"
  case dateLessThan = "DateLessThan"
  case dateLessThanEquals = "DateLessThanEquals"
  case dateGreaterThan = "DateGreaterThan"
  case dateGreaterThanEquals = "DateGreaterThanEquals"
  case bool = "Bool"
  case binaryEquals = "BinaryEquals"
  case ipAddress = "IpAddress"
  case notIpAddress = "NotIpAddress"
  case arnEquals = "ArnEquals"
  case arnLike = "ArnLike"
  case arnNotEquals = "ArnNotEquals"
  case arnNotLike = "ArnNotLike"
  case null = "Null"
  case unknown = "?"

  /// Negated operators hold when the key is absent and when no value matches.
  public var isNegated: Bool {
    switch self {
    case .stringNotEquals, .stringNotEqualsIgnoreCase, .stringNotLike, .numericNotEquals, .dateNotEquals,
      .notIpAddress, .arnNotEquals, .arnNotLike:
      return true
    default: return false
    }
  }
}
