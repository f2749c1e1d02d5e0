/// Generates a realistic synthetic organization in the snapshot layout of design.md, each file
/// byte-for-byte as the aws CLI (`--output json`) would have written it.
///
/// The organization: a management account, security and log-archive accounts, a shared-tools
/// account whose CodeBuild role deploys everywhere, and workload accounts in Prod, NonProd and
/// Sandbox OUs, with SCPs and RCPs. Accounts trust each other's roles (by role, by account root
/// with and without `sts:ExternalId`), services, a SAML provider and GitHub's OIDC provider;
/// buckets grant other accounts' roles by prefix, some are KMS-encrypted, and a few deliberate
/// gaps (see `AccountTraits`, the `backups` buckets without policy, the public `static-site`
/// buckets, Sandbox outside most guardrails) give reviews something to find.
///
/// Deterministic: the same options give the same bytes, whatever order accounts are generated in.
public struct SnapshotSynthesizer: Sendable {
  public let options: SynthesisOptions
  private let blueprint: OrganizationBlueprint

  public init(options: SynthesisOptions) {
    self.options = options
    blueprint = OrganizationBlueprint(options: options)
  }

  /// The 12-digit account ids, management account first; each is a top-level folder.
  public var accountIds: [String] { blueprint.accounts.map(\.id) }

  /// The id of the organization (`o-...`).
  public var organizationId: String { blueprint.organizationId }

  /// Every file of the `organizations/` folder.
  public func organizationFiles() -> [SynthesizedFile] {
    OrganizationSynthesizer(blueprint: blueprint).files()
  }

  /// Every file of the account at `index` (0 is the management account), in a stable order.
  public func accountFiles(at index: Int) -> [SynthesizedFile] {
    let account = blueprint.accounts[index]
    let traits = AccountTraits(blueprint, account)
    var iam = IAMSynthesizer(blueprint: blueprint, account: account, traits: traits)
    var buckets = BucketSynthesizer(blueprint: blueprint, account: account, traits: traits)
    var caller = blueprint.random(UInt64(index), 0xCA11)
    let sessionRole = blueprint.roleName(
      SynthCatalog.index(of: index == 0 ? .ssoAdministrator : .organizationAccess), in: account
    ).name
    var files = [
      SynthesizedFile("\(account.id)/iam/get-account-authorization-details.json", iam.authorizationDetails()),
      SynthesizedFile(
        "\(account.id)/iam/list-account-aliases.json", ["AccountAliases": [.string(account.alias)]]),
      SynthesizedFile(
        "\(account.id)/sts/get-caller-identity.json",
        [
          "UserId": .string(SynthIdentifiers.uniqueId("AROA", &caller) + ":trustwalk-collect"),
          "Account": .string(account.id),
          "Arn": "arn:aws:sts::\(account.id):assumed-role/\(sessionRole)/trustwalk-collect",
        ]),
    ]
    files += buckets.files()
    return files
  }
}
