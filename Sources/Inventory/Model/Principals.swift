import PolicyLanguage

/// An IAM user.
public struct User: Sendable, Hashable {
  public var arn: String
  public var name: String
  public var path: String
  /// The unique id (`AIDA…`).
  public var id: String
  /// Names of the groups the user belongs to.
  public var groupNames: [String]
  public var inlinePolicies: [PolicyDocument]
  public var attachedPolicyArns: [String]
  public var permissionsBoundaryArn: String?
  public var tags: [String: String]

  public init(
    arn: String, name: String, path: String = "/", id: String, groupNames: [String] = [],
    inlinePolicies: [PolicyDocument] = [], attachedPolicyArns: [String] = [],
    permissionsBoundaryArn: String? = nil,
    tags: [String: String] = [:]
  ) {
    self.arn = arn
    self.name = name
    self.path = path
    self.id = id
    self.groupNames = groupNames
    self.inlinePolicies = inlinePolicies
    self.attachedPolicyArns = attachedPolicyArns
    self.permissionsBoundaryArn = permissionsBoundaryArn
    self.tags = tags
  }
}

/// An IAM group: its policies apply to its members; a group is never a principal.
public struct Group: Sendable, Hashable {
  public var arn: String
  public var name: String
  public var path: String
  public var id: String
  public var inlinePolicies: [PolicyDocument]
  public var attachedPolicyArns: [String]

  public init(
    arn: String, name: String, path: String = "/", id: String, inlinePolicies: [PolicyDocument] = [],
    attachedPolicyArns: [String] = []
  ) {
    self.arn = arn
    self.name = name
    self.path = path
    self.id = id
    self.inlinePolicies = inlinePolicies
    self.attachedPolicyArns = attachedPolicyArns
  }
}

/// An IAM role with its trust policy.
public struct Role: Sendable, Hashable {
  public var arn: String
  public var name: String
  public var path: String
  /// The unique id (`AROA…`).
  public var id: String
  /// The trust (assume-role) policy; nil when it could not be read.
  public var trustPolicy: PolicyDocument?
  public var inlinePolicies: [PolicyDocument]
  public var attachedPolicyArns: [String]
  public var permissionsBoundaryArn: String?
  public var tags: [String: String]
  /// ARNs of the instance profiles that carry this role (EC2 can run code as it).
  public var instanceProfileArns: [String]
  public var description: String?

  public init(
    arn: String, name: String, path: String = "/", id: String, trustPolicy: PolicyDocument? = nil,
    inlinePolicies: [PolicyDocument] = [], attachedPolicyArns: [String] = [],
    permissionsBoundaryArn: String? = nil,
    tags: [String: String] = [:], instanceProfileArns: [String] = [], description: String? = nil
  ) {
    self.arn = arn
    self.name = name
    self.path = path
    self.id = id
    self.trustPolicy = trustPolicy
    self.inlinePolicies = inlinePolicies
    self.attachedPolicyArns = attachedPolicyArns
    self.permissionsBoundaryArn = permissionsBoundaryArn
    self.tags = tags
    self.instanceProfileArns = instanceProfileArns
    self.description = description
  }

  /// Service-linked roles live under `/aws-service-role/` and are exempt from SCPs.
  public var isServiceLinked: Bool { path.hasPrefix("/aws-service-role/") }
}

/// A managed policy (customer- or AWS-managed) with its default version's document.
public struct ManagedPolicy: Sendable, Hashable {
  public var arn: String
  public var name: String
  /// The default version's document; nil when it could not be read.
  public var document: PolicyDocument?
  /// The unique id (`ANPA…`), when recorded.
  public var id: String?
  public var path: String

  public init(arn: String, name: String, document: PolicyDocument?, id: String? = nil, path: String = "/") {
    self.arn = arn
    self.name = name
    self.document = document
    self.id = id
    self.path = path
  }

  /// AWS-managed policies have `aws` in the account field of their ARN (in every partition).
  public var isAWSManaged: Bool {
    arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).dropFirst(4).first == "aws"
  }
}
