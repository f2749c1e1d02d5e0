import PolicyLanguage

/// The context keys AWS derives from the caller and the resource, as a bit set, so that an
/// evaluation derives only the keys its policies can read.
struct DerivedKeys: OptionSet, Sendable, Hashable {
  let rawValue: UInt16

  init(rawValue: UInt16) {
    self.rawValue = rawValue
  }

  static let principalArn = DerivedKeys(rawValue: 1 << 0)
  static let principalAccount = DerivedKeys(rawValue: 1 << 1)
  static let principalType = DerivedKeys(rawValue: 1 << 2)
  static let username = DerivedKeys(rawValue: 1 << 3)
  static let userId = DerivedKeys(rawValue: 1 << 4)
  static let principalIsAWSService = DerivedKeys(rawValue: 1 << 5)
  static let principalServiceName = DerivedKeys(rawValue: 1 << 6)
  static let principalOrgId = DerivedKeys(rawValue: 1 << 7)
  static let principalOrgPaths = DerivedKeys(rawValue: 1 << 8)
  /// The `aws:PrincipalTag/…` family.
  static let principalTags = DerivedKeys(rawValue: 1 << 9)
  static let resourceAccount = DerivedKeys(rawValue: 1 << 10)
  static let all = DerivedKeys(rawValue: (1 << 11) - 1)

  /// The derived key that a (lower-cased) condition key reads, if any.
  init(normalizedKey key: String) {
    switch key {
    case "aws:principalarn": self = .principalArn
    case "aws:principalaccount": self = .principalAccount
    case "aws:principaltype": self = .principalType
    case "aws:username": self = .username
    case "aws:userid": self = .userId
    case "aws:principalisawsservice": self = .principalIsAWSService
    case "aws:principalservicename": self = .principalServiceName
    case "aws:principalorgid": self = .principalOrgId
    case "aws:principalorgpaths": self = .principalOrgPaths
    case "aws:resourceaccount": self = .resourceAccount
    default: self = key.hasPrefix("aws:principaltag/") ? .principalTags : []
    }
  }

  /// The derived keys `statement` can read: those its conditions name, or all of them when
  /// `variables` is on and it holds a policy variable (which may name any key).
  init(readBy statement: Statement, variables: Bool) {
    var keys: DerivedKeys = []
    for condition in statement.conditions {
      keys.formUnion(DerivedKeys(normalizedKey: condition.normalizedKey))
    }
    let holdsVariable =
      (statement.resource?.patterns.contains { $0.pattern.contains("${") } ?? false)
      || statement.conditions.contains { $0.values.contains { $0.contains("${") } }
    self = variables && holdsVariable ? .all : keys
  }
}
