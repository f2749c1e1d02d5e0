import PolicyLanguage

/// Everything a snapshot holds, for any number of accounts, plus every problem met while loading it.
public struct Inventory: Sendable {
  /// The accounts, ordered by id.
  public var accounts: [Account]
  public var organization: Organization?
  /// Every problem found, each once, with its file and place.
  public var diagnostics: [Diagnostic]
  /// Files that are not part of the layout: listed once and ignored. A folder ends with `/`.
  public var unknownFiles: [String]
  /// The folder the snapshot was read from.
  public var root: String
  /// Which on-disk layout the snapshot was read from.
  public var format: SnapshotFormat

  public init(
    accounts: [Account] = [], organization: Organization? = nil, diagnostics: [Diagnostic] = [],
    unknownFiles: [String] = [], root: String = "", format: SnapshotFormat = .awsCLI
  ) {
    self.accounts = accounts
    self.organization = organization
    self.diagnostics = diagnostics
    self.unknownFiles = unknownFiles
    self.root = root
    self.format = format
  }

  /// The account with `id`, when it is in the snapshot.
  public func account(_ id: String) -> Account? {
    accounts.first { $0.id == id }
  }

  /// The bucket named `name`, in whichever account holds it.
  public func bucket(named name: String) -> Bucket? {
    for account in accounts {
      if let bucket = account.buckets.first(where: { $0.name == name }) { return bucket }
    }
    return nil
  }

  /// The managed policy with `arn`. AWS-managed policies are copied into every account that uses
  /// them, so one is looked up in `account` first and then in any other account.
  public func managedPolicy(_ arn: String, preferringAccount account: String? = nil) -> ManagedPolicy? {
    if let account, let policy = self.account(account)?.managedPolicy(arn) { return policy }
    for candidate in accounts {
      if let policy = candidate.managedPolicy(arn) { return policy }
    }
    return nil
  }

  /// The KMS key a bucket's encryption names: a key ARN, or a key id of `account`. Aliases are not
  /// recorded in snapshots, so an alias resolves to nil (unknown key).
  public func key(_ reference: String, inAccount account: String) -> KMSKey? {
    if reference.hasPrefix("arn:") {
      for candidate in accounts {
        if let key = candidate.keys.first(where: { $0.arn == reference || $0.matches(reference) }) {
          return key
        }
      }
      return nil
    }
    return self.account(account)?.keys.first { $0.id == reference }
  }
}

/// The on-disk layout a snapshot was read from.
public enum SnapshotFormat: String, Sendable, Hashable, Codable {
  /// The aws CLI layout of the design: one folder per account, one file per CLI command.
  case awsCLI = "aws-cli"
  /// An iam-collect store (`aws/<partition>/accounts/…`).
  case iamCollect = "iam-collect"
}
