/// Per-account choices, including the deliberate gaps a review should find. Each is drawn once
/// from the account's own stream so every generator of that account sees the same answer.
struct AccountTraits {
  /// The deploy role's trust requires an `sts:ExternalId`.
  let deployerRequiresExternalId: Bool
  /// Gap: the deploy role may do `iam:*` (privilege escalation).
  let deployerOverPrivileged: Bool
  /// Gap: the vendor's role trusts the vendor account without an `sts:ExternalId` (confused deputy).
  let vendorTrustWithoutExternalId: Bool
  /// Gap: the GitHub OIDC role trusts any repository (no `sub` condition).
  let githubAnyRepository: Bool
  /// Gap: the data-lake bucket policy names the partner's instance role with a typo.
  let instanceRoleTypo: Bool
  /// Gap: the data-lake grant to the instance role names the bucket ARN without `/*`.
  let bucketArnWithoutObjects: Bool
  /// Gap: the artifacts key policy does not let the pipeline use the key.
  let artifactsKeyWithoutPipeline: Bool
  /// Gap: the data-lake key policy does not let the consumer decrypt.
  let dataLakeKeyWithoutConsumer: Bool
  /// Gap: the artifacts bucket has ObjectWriter ownership (cross-account uploads stay the writer's).
  let artifactsObjectWriter: Bool
  /// The ExternalId values the trust policies expect.
  let deployExternalId: String
  let vendorExternalId: String
  let readerExternalId: String

  init(_ blueprint: OrganizationBlueprint, _ account: OrganizationBlueprint.Account) {
    var random = blueprint.random(UInt64(account.index), 0x7A17)
    deployerRequiresExternalId = random.chance(50)
    deployerOverPrivileged = random.chance(10)
    vendorTrustWithoutExternalId = random.chance(15)
    githubAnyRepository = random.chance(10)
    instanceRoleTypo = random.chance(10)
    bucketArnWithoutObjects = random.chance(10)
    artifactsKeyWithoutPipeline = random.chance(20)
    dataLakeKeyWithoutConsumer = random.chance(15)
    artifactsObjectWriter = random.chance(15)
    deployExternalId = "deploy-" + SynthIdentifiers.hex(12, &random)
    vendorExternalId = SynthIdentifiers.keyId(&random)
    readerExternalId = "reader-" + SynthIdentifiers.hex(12, &random)
  }
}
