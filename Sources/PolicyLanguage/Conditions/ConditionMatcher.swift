/// How an operator family compares a request value with a policy value.
enum ComparisonFamily: Sendable, Hashable {
  case stringEquals
  case stringEqualsIgnoreCase
  case stringLike
  case numeric(ValueOrdering)
  case date(ValueOrdering)
  case bool
  case binary
  case ip
  case arn
  case null
  case unknown

  init(_ base: ConditionOperatorBase) {
    switch base {
    case .stringEquals, .stringNotEquals: self = .stringEquals
    case .stringEqualsIgnoreCase, .stringNotEqualsIgnoreCase: self = .stringEqualsIgnoreCase
    case .stringLike, .stringNotLike: self = .stringLike
    case .numericEquals, .numericNotEquals: self = .numeric(.equal)
    case .numericLessThan: self = .numeric(.less)
    case .numericLessThanEquals: self = .numeric(.lessOrEqual)
    case .numericGreaterThan: self = .numeric(.greater)
    case .numericGreaterThanEquals: self = .numeric(.greaterOrEqual)
    case .dateEquals, .dateNotEquals: self = .date(.equal)
    case .dateLessThan: self = .date(.less)
    case .dateLessThanEquals: self = .date(.lessOrEqual)
    case .dateGreaterThan: self = .date(.greater)
    case .dateGreaterThanEquals: self = .date(.greaterOrEqual)
    case .bool: self = .bool
    case .binaryEquals: self = .binary
    case .ipAddress, .notIpAddress: self = .ip
    case .arnEquals, .arnLike, .arnNotEquals, .arnNotLike: self = .arn
    case .null: self = .null
    case .unknown: self = .unknown
    }
  }

  /// Policy variables are substituted only in string and ARN values.
  var takesVariables: Bool {
    switch self {
    case .stringEquals, .stringEqualsIgnoreCase, .stringLike, .arn: return true
    default: return false
    }
  }

  /// What a valid value of the family is, for messages.
  var valueDescription: String {
    switch self {
    case .numeric: return "number"
    case .date: return "date (ISO 8601 or epoch seconds)"
    case .bool, .null: return "boolean (\"true\" or \"false\")"
    case .binary: return "base64 value"
    case .ip: return "IP address or CIDR range"
    default: return "value"
    }
  }
}

/// How a request value must relate to the policy value (`request < policy` for `.less`).
enum ValueOrdering: Sendable, Hashable {
  case equal, less, lessOrEqual, greater, greaterOrEqual

  func holds(_ request: Double, _ policy: Double) -> Bool {
    switch self {
    case .equal: return request == policy
    case .less: return request < policy
    case .lessOrEqual: return request <= policy
    case .greater: return request > policy
    case .greaterOrEqual: return request >= policy
    }
  }
}

/// One policy value compiled for its family.
enum CompiledValue: Sendable {
  case text(String)
  case glob(Glob)
  case number(Double)
  case bool(Bool)
  case binary([UInt8])
  case ip(IPAddressRange)
  case arn(ARNPattern)
  /// A value holding policy variables: substituted per request (only when variables are enabled).
  indirect case template(PolicyTemplate, literal: CompiledValue)
  /// A value that cannot be read for its family (matches no request value).
  case invalid

  var isInvalid: Bool {
    if case .invalid = self { return true }
    return false
  }

  init(_ text: String, family: ComparisonFamily) {
    if family.takesVariables, let template = PolicyTemplate(text) {
      self = .template(template, literal: CompiledValue(literal: text, family: family))
    } else {
      self = CompiledValue(literal: text, family: family)
    }
  }

  init(literal text: String, family: ComparisonFamily) {
    switch family {
    case .stringEquals, .unknown: self = .text(text)
    case .stringEqualsIgnoreCase: self = .text(text.lowercased())
    case .stringLike: self = .glob(Glob(text))
    case .numeric: self = ConditionNumber.parse(text).map { .number($0) } ?? .invalid
    case .date: self = ConditionDate.parse(text).map { .number($0) } ?? .invalid
    case .bool, .null: self = ConditionBoolean.parse(text).map { .bool($0) } ?? .invalid
    case .binary: self = Base64.decode(text).map { .binary($0) } ?? .invalid
    case .ip: self = IPAddressRange(text).map { .ip($0) } ?? .invalid
    case .arn: self = .arn(ARNPattern(text))
    }
  }

  /// A substituted template's bytes compiled for the family (wildcards already encoded).
  init(resolved bytes: [UInt8], family: ComparisonFamily) {
    switch family {
    case .stringLike: self = .glob(Glob(compiled: bytes, caseInsensitive: false))
    case .arn: self = .arn(ARNPattern(compiled: bytes))
    default: self = CompiledValue(literal: String(decoding: bytes, as: UTF8.self), family: family)
    }
  }
}

/// A condition's values compiled for its operator, and the comparison of request values with them.
struct ConditionMatcher: Sendable {
  let family: ComparisonFamily
  let values: [CompiledValue]

  init(op: ConditionOperator, values: [String]) {
    let family = ComparisonFamily(op.base)
    self.family = family
    self.values = values.map { CompiledValue($0, family: family) }
  }

  /// Whether `request` matches some policy value (the positive reading of the operator).
  func matchesAny(_ request: String, context: RequestContext, variables: Bool) -> Tristate {
    let subject = RequestValue(request, family: family)
    var result = Tristate.no
    for value in values {
      switch compare(subject, value, context: context, variables: variables) {
      case .yes: return .yes
      case .unknown: result = .unknown
      case .no: break
      }
    }
    return result
  }

  private func compare(
    _ request: RequestValue, _ value: CompiledValue, context: RequestContext, variables: Bool
  )
    -> Tristate
  {
    switch value {
    case .template(let template, let literal):
      guard variables else { return compare(request, literal, context: context, variables: false) }
      switch template.resolve(in: context, wildcards: family == .stringLike || family == .arn) {
      case .resolved(let bytes):
        return compare(
          request, CompiledValue(resolved: bytes, family: family), context: context, variables: false)
      case .unresolved: return .no
      case .unknown: return .unknown
      }
    case .text(let text): return request.text == text ? .yes : .no
    case .glob(let glob): return glob.matches(request.text) ? .yes : .no
    case .arn(let pattern): return pattern.matches(request.text) ? .yes : .no
    case .number(let number):
      guard let parsed = request.number else { return .no }
      switch family {
      case .numeric(let ordering), .date(let ordering): return ordering.holds(parsed, number) ? .yes : .no
      default: return .no
      }
    case .bool(let flag): return request.flag == flag ? .yes : .no
    case .binary(let bytes): return request.binary == bytes ? .yes : .no
    case .ip(let range): return request.address.map(range.contains) == true ? .yes : .no
    case .invalid: return .no
    }
  }
}

/// A request value read once for the family it is compared under.
private struct RequestValue {
  var text: String
  var number: Double? = nil
  var flag: Bool? = nil
  var binary: [UInt8]? = nil
  var address: IPAddressRange.Address? = nil

  init(_ raw: String, family: ComparisonFamily) {
    text = raw
    switch family {
    case .stringEqualsIgnoreCase: text = raw.lowercased()
    case .numeric: number = ConditionNumber.parse(raw)
    case .date: number = ConditionDate.parse(raw)
    case .bool, .null: flag = ConditionBoolean.parse(raw)
    case .binary: binary = Base64.decode(raw) ?? Array(raw.utf8)
    case .ip: address = IPAddressRange.Address(raw)
    default: break
    }
  }
}
