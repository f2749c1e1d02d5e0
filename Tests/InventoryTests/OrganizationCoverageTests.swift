import Foundation
import PolicyLanguage
import Testing

@testable import Inventory

@Test func memberAccountWithoutAFolderIsAnError() throws {
  let snapshot = try TemporarySnapshot()
  let copy = snapshot.root.appendingPathComponent("snapshot")
  try FileManager.default.copyItem(atPath: Fixtures.cliSnapshot, toPath: copy.path)
  try FileManager.default.removeItem(at: copy.appendingPathComponent("222222222222"))
  let inventory = try SnapshotLoader.load(path: copy.path)
  let problems = inventory.diagnostics(about: "organizations/list-accounts.json")
  #expect(problems.count == 1)
  #expect(problems.first?.severity == .error)
  #expect(problems.first?.message.contains("222222222222") == true)
  #expect(!ValidationReport(inventory).isClean)
}

@Test func everyMemberAccountWithAFolderLoadsClean() throws {
  let inventory = try SnapshotLoader.load(path: Fixtures.cliSnapshot)
  #expect(inventory.diagnostics.allSatisfy { !$0.message.contains("has no folder") })
}
