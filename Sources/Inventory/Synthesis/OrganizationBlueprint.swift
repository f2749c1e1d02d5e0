/// The organization-wide plan every account is generated from: account ids and names, the OU
/// tree, and who plays which part (management, security, tools, an outside vendor).
///
/// It is small (one entry per account) and computed once; everything else is derived per account
/// from `random(for:)`, so accounts can be generated independently, in parallel, in any order.
struct OrganizationBlueprint: Sendable {
  /// One member account.
  struct Account: Sendable {
    let index: Int
    let id: String
    let name: String
    let alias: String
    let email: String
    let parentId: String
    let environment: Environment
  }

  /// Where an account sits, which decides its OU and which guardrails apply.
  enum Environment: Sendable {
    case management, security, infrastructure, production, nonProduction, sandbox
  }

  /// One organizational unit.
  struct OrganizationalUnit: Sendable {
    let id: String
    let name: String
    let parentId: String
  }

  let options: SynthesisOptions
  let company: String
  let organizationId: String
  let rootId: String
  let units: [OrganizationalUnit]
  let accounts: [Account]
  /// An account outside the organization (a vendor) that some trust and bucket policies name.
  let vendorAccountId: String
  private let seedStream: SplitMix64

  var management: Account { accounts[0] }
  var security: Account { accounts[min(1, accounts.count - 1)] }
  var tools: Account { accounts[accounts.count > 3 ? 3 : 0] }

  init(options: SynthesisOptions) {
    self.options = options
    seedStream = SplitMix64(seed: options.seed)
    var random = seedStream.derived(1)
    let company = random.pick(Self.companies)
    self.company = company
    organizationId = "o-" + SynthIdentifiers.lowerAlphanumeric(10, &random)
    let rootId = "r-" + SynthIdentifiers.lowerAlphanumeric(4, &random)
    self.rootId = rootId
    let ouPrefix = "ou-" + SynthIdentifiers.lowerAlphanumeric(4, &random) + "-"
    func unit(_ name: String, _ parent: String) -> OrganizationalUnit {
      OrganizationalUnit(
        id: ouPrefix + SynthIdentifiers.lowerAlphanumeric(8, &random), name: name, parentId: parent)
    }
    let securityUnit = unit("Security", rootId)
    let infrastructureUnit = unit("Infrastructure", rootId)
    let workloadsUnit = unit("Workloads", rootId)
    let productionUnit = unit("Prod", workloadsUnit.id)
    let nonProductionUnit = unit("NonProd", workloadsUnit.id)
    let sandboxUnit = unit("Sandbox", rootId)
    units = [securityUnit, infrastructureUnit, workloadsUnit, productionUnit, nonProductionUnit, sandboxUnit]
    let firstId = 100_000_000_000 + Int(random.next() % 400_000_000_000)
    vendorAccountId = String(900_000_000_000 + Int(random.next() % 99_999_999_999))
    var accounts: [Account] = []
    accounts.reserveCapacity(options.accounts)
    for index in 0..<options.accounts {
      let environment: Environment
      let name: String
      switch index {
      case 0: (environment, name) = (.management, "management")
      case 1: (environment, name) = (.security, "security")
      case 2: (environment, name) = (.security, "log-archive")
      case 3: (environment, name) = (.infrastructure, "shared-tools")
      default:
        let roll = random.below(10)
        environment = roll < 4 ? .production : roll < 8 ? .nonProduction : .sandbox
        let stage =
          environment == .production
          ? "prod" : environment == .sandbox ? "sandbox" : random.pick(["dev", "staging"])
        name = "\(random.pick(Self.teams))-\(stage)"
      }
      let parent: OrganizationalUnit? =
        switch environment {
        case .management: nil
        case .security: securityUnit
        case .infrastructure: infrastructureUnit
        case .production: productionUnit
        case .nonProduction: nonProductionUnit
        case .sandbox: sandboxUnit
        }
      let alias = "\(company)-\(name)-\(index)"
      accounts.append(
        Account(
          index: index, id: String(firstId + index * 1_000_003), name: name, alias: alias,
          email: "aws+\(alias)@\(company).example", parentId: parent?.id ?? rootId, environment: environment))
    }
    self.accounts = accounts
  }

  /// An independent random stream for one purpose (`labels`), e.g. `(account, kind, index)`.
  func random(_ labels: UInt64...) -> SplitMix64 {
    labels.reduce(seedStream.derived(2)) { stream, label in stream.derived(label) }
  }

  /// Another account of the organization chosen for `account` (itself in a one-account organization).
  func partner(of account: Account, _ slot: UInt64) -> Account {
    guard accounts.count > 1 else { return account }
    var random = self.random(UInt64(account.index), 0xAA, slot)
    let offset = 1 + random.below(accounts.count - 1)
    return accounts[(account.index + offset) % accounts.count]
  }

  static let companies = ["acme", "globex", "initech", "umbrella", "hooli", "vandelay", "soylent", "tyrell"]
  static let teams = [
    "payments", "checkout", "search", "identity", "analytics", "ml", "mobile", "web", "billing", "catalog",
    "shipping", "support", "reporting", "platform", "data",
  ]
}
