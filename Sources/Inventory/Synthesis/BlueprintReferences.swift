/// How accounts refer to each other's roles and buckets: names are derived from positions, and
/// references point only at roles and buckets that the chosen sizes actually create.
extension OrganizationBlueprint {
  /// The account `step` places along this organization's ring (negative steps go back).
  ///
  /// Relations are defined on the ring so both sides agree without search: the data consumer of
  /// account `A` reads the data lake of `neighbour(A, 1)`, whose bucket policy grants
  /// `neighbour(B, -1)`'s consumer.
  func neighbour(of account: Account, _ step: Int) -> Account {
    let count = accounts.count
    let stride = 1 + Int(options.seed % UInt64(max(count - 1, 1)))
    let offset = ((step * stride) % count + count) % count
    return accounts[(account.index + offset) % count]
  }

  /// The name of role number `index` of `account`.
  func roleName(_ index: Int, in account: Account) -> SynthCatalog.RoleName {
    var random = self.random(UInt64(account.index), 0x701E, UInt64(index))
    return SynthCatalog.roleName(index, account: account, random: &random)
  }

  /// The ARN of `account`'s role of `kind`, or nil when the accounts have too few roles for it.
  func roleArn(_ kind: SynthCatalog.RoleKind, in account: Account) -> String? {
    let index = SynthCatalog.index(of: kind)
    guard index < options.rolesPerAccount else { return nil }
    return roleName(index, in: account).arn(account.id)
  }

  /// The name of `account`'s bucket of `kind`, or nil when the accounts have too few buckets for it.
  func bucketName(_ kind: SynthCatalog.BucketKind, in account: Account) -> String? {
    let index = SynthCatalog.index(of: kind)
    guard index < options.bucketsPerAccount else { return nil }
    return SynthCatalog.bucketName(index, company: company, accountId: account.id)
  }

  /// The CI role of the tools account that builds and deploys everywhere, or the tools account root.
  var pipelinePrincipal: String {
    roleArn(.codeBuild, in: tools) ?? SynthPolicy.root(tools.id)
  }
}
