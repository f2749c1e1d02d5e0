import Foundation
import Inventory
import Testing

/// A synthesized snapshot loads cleanly and the loader sees what was generated.
@Suite struct SynthesisLoadTests {
  @Test func synthesizedOrganizationLoadsWithoutProblems() throws {
    let options = SynthesisOptions(
      accounts: 6, rolesPerAccount: 24, usersPerAccount: 4, bucketsPerAccount: 11, seed: 8)
    let synthesizer = SnapshotSynthesizer(options: options)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "synth-load-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try SynthesizedSnapshotWriter(synthesizer: synthesizer).write(to: folder)

    let inventory = try SnapshotLoader.load(path: folder.path)
    #expect(inventory.diagnostics.isEmpty, "\(inventory.diagnostics)")
    #expect(inventory.unknownFiles.isEmpty, "\(inventory.unknownFiles)")
    #expect(inventory.accounts.map(\.id) == synthesizer.accountIds.sorted())
    for account in inventory.accounts {
      #expect(account.roles.count == 24)
      #expect(account.users.count == 4)
      #expect(account.groups.count == 4)
      #expect(account.buckets.count == 11)
      #expect(account.alias != nil)
      #expect(account.roles.allSatisfy { $0.trustPolicy != nil })
      #expect(account.buckets.contains { $0.policy == nil }, "the backups bucket has no policy")
      for bucket in account.buckets where bucket.encryption?.usesKMS == true {
        let reference = try #require(bucket.encryption?.kmsKeyId)
        #expect(inventory.key(reference, inAccount: account.id)?.policy != nil, "\(bucket.name)")
      }
    }
    let organization = try #require(inventory.organization)
    #expect(organization.id == synthesizer.organizationId)
    #expect(organization.accounts.count == 6)
    #expect(organization.units.count == 6)
    #expect(organization.policies.filter { $0.kind == .serviceControl }.count == 6)
    #expect(organization.policies.filter { $0.kind == .resourceControl }.count == 2)
    #expect(organization.policies.allSatisfy { $0.document != nil && !$0.targetIds.isEmpty })
    let member = synthesizer.accountIds[4]
    #expect(organization.path(to: member).count >= 1)
    #expect(organization.policyLevels(for: member, kind: .serviceControl).allSatisfy { !$0.isEmpty })
  }
}
