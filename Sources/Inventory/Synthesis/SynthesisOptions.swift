/// What `SnapshotSynthesizer` generates: how many accounts, and how many roles, users and buckets
/// each account holds. The same options and seed always give byte-identical files.
public struct SynthesisOptions: Sendable, Equatable {
  /// The largest organization the generator accepts (account ids stay 12 digits and unique).
  public static let maximumAccounts = 100_000
  /// The largest number of roles, users or buckets per account.
  public static let maximumPerAccount = 10_000

  public var accounts: Int
  public var rolesPerAccount: Int
  public var usersPerAccount: Int
  public var bucketsPerAccount: Int
  public var seed: UInt64

  public init(
    accounts: Int = 12, rolesPerAccount: Int = 20, usersPerAccount: Int = 5, bucketsPerAccount: Int = 3,
    seed: UInt64 = 1
  ) {
    self.accounts = accounts
    self.rolesPerAccount = rolesPerAccount
    self.usersPerAccount = usersPerAccount
    self.bucketsPerAccount = bucketsPerAccount
    self.seed = seed
  }

  /// Why these options cannot be generated, or nil when they can.
  public var problem: String? {
    if accounts < 1 || accounts > Self.maximumAccounts {
      return "the number of accounts must be between 1 and \(Self.maximumAccounts), not \(accounts)"
    }
    for (name, value) in [
      ("roles", rolesPerAccount), ("users", usersPerAccount), ("buckets", bucketsPerAccount),
    ]
    where value < 0 || value > Self.maximumPerAccount {
      return "the number of \(name) per account must be between 0 and \(Self.maximumPerAccount), not \(value)"
    }
    return nil
  }
}
