/// The parts each account's roles and buckets play, decided by their position, so that any
/// account can name another account's role or bucket without generating that account.
enum SynthCatalog {
  /// What a role is for; decides its trust policy and permissions.
  enum RoleKind: CaseIterable {
    case organizationAccess, ssoAdministrator, deployer, crossAccountReader, vendorAudit, lambdaFunction
    case instanceProfile, codeBuild, githubActions, serviceLinked, breakGlass, dataConsumer, ecsTask,
      developer
    case application
  }

  /// What a bucket is for; decides its policy, ownership, encryption and Block Public Access.
  /// The first three already show cross-account grants, KMS and a bucket without policy.
  enum BucketKind: String, CaseIterable {
    case artifacts, dataLake = "data-lake", backups, uploads, staticSite = "static-site", logs
    case terraformState = "terraform-state", reports, exports, mlDatasets = "ml-datasets", data
  }

  /// A role's name and path.
  struct RoleName {
    let name: String
    let path: String

    func arn(_ accountId: String) -> String { "arn:aws:iam::\(accountId):role\(path)\(name)" }
  }

  static func roleKind(_ index: Int) -> RoleKind {
    index < RoleKind.allCases.count - 1 ? RoleKind.allCases[index] : .application
  }

  static func bucketKind(_ index: Int) -> BucketKind {
    index < BucketKind.allCases.count - 1 ? BucketKind.allCases[index] : .data
  }

  static func index(of kind: RoleKind) -> Int { RoleKind.allCases.firstIndex(of: kind)! }
  static func index(of kind: BucketKind) -> Int { BucketKind.allCases.firstIndex(of: kind)! }

  /// The name of role number `index` of an account (application roles draw a word from `random`).
  static func roleName(_ index: Int, account: OrganizationBlueprint.Account, random: inout SplitMix64)
    -> RoleName
  {
    switch roleKind(index) {
    case .organizationAccess: RoleName(name: "OrganizationAccountAccessRole", path: "/")
    case .ssoAdministrator:
      RoleName(
        name: "AWSReservedSSO_AdministratorAccess_" + SynthIdentifiers.hex(16, &random),
        path: "/aws-reserved/sso.amazonaws.com/")
    case .deployer: RoleName(name: "deployer", path: "/deploy/")
    case .crossAccountReader: RoleName(name: "cross-account-reader", path: "/")
    case .vendorAudit: RoleName(name: "vendor-audit", path: "/external/")
    case .lambdaFunction: RoleName(name: "lambda-\(account.name)-processor", path: "/service-role/")
    case .instanceProfile: RoleName(name: "ec2-app-instance", path: "/")
    case .codeBuild: RoleName(name: "codebuild-service", path: "/service-role/")
    case .githubActions: RoleName(name: "github-actions-deploy", path: "/ci/")
    case .serviceLinked:
      RoleName(name: "AWSServiceRoleForSupport", path: "/aws-service-role/support.amazonaws.com/")
    case .breakGlass: RoleName(name: "break-glass", path: "/")
    case .dataConsumer: RoleName(name: "data-consumer", path: "/data/")
    case .ecsTask: RoleName(name: "ecs-\(account.name)-task", path: "/service-role/")
    case .developer: RoleName(name: "developer", path: "/")
    case .application: RoleName(name: "app-\(random.pick(words))-\(index)", path: "/app/")
    }
  }

  /// The globally unique name of bucket number `index` of an account.
  static func bucketName(_ index: Int, company: String, accountId: String) -> String {
    let kind = bucketKind(index)
    return kind == .data
      ? "\(company)-\(accountId)-data-\(index)" : "\(company)-\(accountId)-\(kind.rawValue)"
  }

  static let words = [
    "orders", "invoices", "ledger", "events", "images", "sessions", "metrics", "profiles", "inventory",
    "pricing",
    "alerts", "exports", "feeds", "queue", "reports", "search", "tokens", "uploads", "audit", "sync",
  ]
  static let firstNames = [
    "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj",
    "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "zoe",
  ]
  static let lastNames = [
    "smith", "jones", "garcia", "miller", "davis", "lopez", "wilson", "moore", "taylor", "lee", "walker",
    "young",
    "king", "wright", "scott", "green", "baker", "adams", "nelson", "hill",
  ]
}
