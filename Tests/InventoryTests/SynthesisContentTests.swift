import Foundation
import Inventory
import Testing

@Suite struct SynthesisContentTests {
  static let snapshot = SynthesizedSnapshot(SynthesisOptions(bucketsPerAccount: 6, seed: 5))
  static var accounts: [String] { snapshot.synthesizer.accountIds }

  /// Every role ARN of the snapshot.
  static func roleArns() throws -> Set<String> {
    var arns: Set<String> = []
    for account in accounts {
      for role in try snapshot.details(account, "RoleDetailList") {
        arns.insert(role["Arn"] as? String ?? "")
      }
    }
    return arns
  }

  static func trustStatements() throws -> [[String: Any]] {
    try accounts.flatMap { account in
      try snapshot.details(account, "RoleDetailList").flatMap {
        SynthesizedSnapshot.statements($0["AssumeRolePolicyDocument"] as? [String: Any] ?? [:])
      }
    }
  }

  static func principals(_ statement: [String: Any], _ kind: String) -> [String] {
    SynthesizedSnapshot.strings((statement["Principal"] as? [String: Any])?[kind])
  }

  @Test func attachmentCountsMatchTheAttachments() throws {
    for account in Self.accounts {
      var counted: [String: Int] = [:]
      for key in ["UserDetailList", "GroupDetailList", "RoleDetailList"] {
        for entity in try Self.snapshot.details(account, key) {
          for attached in entity["AttachedManagedPolicies"] as? [[String: Any]] ?? [] {
            counted[attached["PolicyArn"] as? String ?? "", default: 0] += 1
          }
        }
      }
      let policies = try Self.snapshot.details(account, "Policies")
      for policy in policies {
        let arn = policy["Arn"] as? String ?? ""
        #expect(policy["AttachmentCount"] as? Int == counted[arn] ?? 0, "\(arn)")
        let versions = policy["PolicyVersionList"] as? [[String: Any]] ?? []
        let defaults = versions.filter { $0["IsDefaultVersion"] as? Bool == true }
        #expect(
          defaults.count == 1
            && defaults.first?["VersionId"] as? String == policy["DefaultVersionId"] as? String)
      }
      #expect(Set(counted.keys).isSubset(of: Set(policies.compactMap { $0["Arn"] as? String })))
    }
  }

  @Test func trustPoliciesUseEveryKindOfPrincipal() throws {
    let statements = try Self.trustStatements()
    let conditions = statements.compactMap { $0["Condition"] as? [String: [String: Any]] }
    #expect(conditions.contains { $0["StringEquals"]?["sts:ExternalId"] != nil })
    #expect(statements.contains { Self.principals($0, "AWS").contains { $0.hasSuffix(":root") } })
    #expect(statements.contains { Self.principals($0, "AWS").contains { $0.contains(":role/") } })
    #expect(statements.contains { !Self.principals($0, "Service").isEmpty })
    #expect(
      statements.contains { Self.principals($0, "Federated").contains { $0.contains(":oidc-provider/") } })
    #expect(
      statements.contains { Self.principals($0, "Federated").contains { $0.contains(":saml-provider/") } })
  }

  @Test func trustedRolesOfTheOrganizationExist() throws {
    let roles = try Self.roleArns()
    let organization = Set(Self.accounts)
    for statement in try Self.trustStatements() {
      for principal in Self.principals(statement, "AWS") where principal.contains(":role/") {
        let account = String(principal.split(separator: ":")[4])
        if organization.contains(account) { #expect(roles.contains(principal), "\(principal)") }
      }
    }
  }

  @Test func bucketPoliciesGrantOtherAccountsRolesAndOnlyTheTypoIsMissing() throws {
    let roles = try Self.roleArns()
    var crossAccountGrants = 0
    var withoutPolicy = 0
    for account in Self.accounts {
      for path in Self.snapshot.paths(under: "\(account)/s3/buckets") {
        if path.hasSuffix("get-bucket-policy.error.txt") {
          withoutPolicy += 1
          #expect(String(decoding: Self.snapshot.byPath[path]!, as: UTF8.self).contains("NoSuchBucketPolicy"))
        }
        guard path.hasSuffix("/get-bucket-policy.json") else { continue }
        let policy = try SynthesizedSnapshot.policy(try Self.snapshot.object(path)["Policy"])
        for statement in SynthesizedSnapshot.statements(policy) {
          for principal in Self.principals(statement, "AWS") where !principal.contains(":\(account):") {
            crossAccountGrants += 1
            if principal.contains(":role/") && !principal.contains("instnace") {
              #expect(roles.contains(principal), "\(path): \(principal)")
            }
          }
        }
      }
    }
    #expect(crossAccountGrants > 0)
    #expect(withoutPolicy > 0)
  }

  @Test func encryptedBucketsNameKeysOfTheirAccount() throws {
    var kmsBuckets = 0
    var ownerships: Set<String> = []
    for account in Self.accounts {
      for path in Self.snapshot.paths(under: "\(account)/s3/buckets") {
        if path.hasSuffix("get-bucket-ownership-controls.json") {
          let rules =
            (try Self.snapshot.object(path)["OwnershipControls"] as? [String: Any])?["Rules"]
            as? [[String: Any]]
          ownerships.insert(rules?.first?["ObjectOwnership"] as? String ?? "")
        }
        if path.hasSuffix("get-bucket-ownership-controls.error.txt") { ownerships.insert("absent") }
        guard path.hasSuffix("get-bucket-encryption.json") else { continue }
        let configuration =
          try Self.snapshot.object(path)["ServerSideEncryptionConfiguration"] as? [String: Any]
        let rule = (configuration?["Rules"] as? [[String: Any]])?.first
        let defaults = rule?["ApplyServerSideEncryptionByDefault"] as? [String: Any]
        guard let key = defaults?["KMSMasterKeyID"] as? String else { continue }
        kmsBuckets += 1
        let keyId = String(key.split(separator: "/").last!)
        #expect(key.hasPrefix("arn:aws:kms:us-east-1:\(account):key/"))
        let metadata = try Self.snapshot.object("\(account)/kms/keys/\(keyId)/describe-key.json")
        #expect((metadata["KeyMetadata"] as? [String: Any])?["KeyId"] as? String == keyId)
        let keyPolicy = try Self.snapshot.object("\(account)/kms/keys/\(keyId)/get-key-policy.json")
        #expect(!SynthesizedSnapshot.statements(try SynthesizedSnapshot.policy(keyPolicy["Policy"])).isEmpty)
      }
    }
    #expect(kmsBuckets > 0)
    #expect(
      ownerships.isSuperset(of: ["BucketOwnerEnforced", "ObjectWriter", "BucketOwnerPreferred", "absent"]))
  }

  @Test func organizationHasOUsSCPsAndAnRCPWithKnownTargets() throws {
    let roots = try Self.snapshot.object("organizations/list-roots.json")["Roots"] as? [[String: Any]] ?? []
    let rootId = try #require(roots.first?["Id"] as? String)
    let units = Self.snapshot.paths(under: "organizations/ous").map { String($0.split(separator: "/")[2]) }
    #expect(units.count >= 5)
    let known = Set([rootId] + units + Self.accounts)
    for child in Self.accounts + units {
      let parents =
        try Self.snapshot.object("organizations/parents/\(child)/list-parents.json")["Parents"]
        as? [[String: Any]]
      #expect(known.contains(parents?.first?["Id"] as? String ?? ""), "\(child)")
    }
    var types: [String: Int] = [:]
    for path in Self.snapshot.paths(under: "organizations/policies")
    where path.hasSuffix("describe-policy.json") {
      let policy = try Self.snapshot.object(path)["Policy"] as? [String: Any] ?? [:]
      let type = (policy["PolicySummary"] as? [String: Any])?["Type"] as? String ?? ""
      types[type, default: 0] += 1
      #expect(!SynthesizedSnapshot.statements(try SynthesizedSnapshot.policy(policy["Content"])).isEmpty)
      let targets = try Self.snapshot.object(
        path.replacingOccurrences(of: "describe-policy", with: "list-targets-for-policy"))
      for target in targets["Targets"] as? [[String: Any]] ?? [] {
        #expect(known.contains(target["TargetId"] as? String ?? ""))
      }
    }
    #expect(types["SERVICE_CONTROL_POLICY", default: 0] >= 3)
    #expect(types["RESOURCE_CONTROL_POLICY", default: 0] >= 2)
  }
}
