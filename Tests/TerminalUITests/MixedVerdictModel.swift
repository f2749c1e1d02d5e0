@testable import TerminalUI

/// A small model with every verdict (and a hostile name) for the matrix and sanitising tests.
enum MixedVerdictModel {
  static let ci = "arn:aws:iam::333333333333:role/ci"
  static let auditor = "arn:aws:iam::444444444444:role/auditor"
  static let hostile = "arn:aws:iam::444444444444:role/evil"
  static let logs = TargetRef(bucket: "logs", prefix: "app/")

  static let model = BrowserModel(
    source: "TEST mixed",
    accounts: [
      AccountSummary(id: "333333333333", alias: "tools", ouPath: ["Root", "Platform"]),
      AccountSummary(id: "444444444444"),
    ],
    principals: [
      PrincipalSummary(arn: ci, name: "ci", kind: .role, accountID: "333333333333"),
      PrincipalSummary(arn: auditor, name: "auditor", kind: .role, accountID: "444444444444"),
      PrincipalSummary(arn: hostile, name: "evil\u{1B}[31mred\u{07}", kind: .role, accountID: "444444444444"),
    ],
    buckets: [BucketSummary(name: "logs", accountID: "444444444444", prefixes: ["app/"])],
    cells: [
      CellKey(principal: ci, target: logs, level: .write): AccessCell(.allowed),
      CellKey(principal: ci, target: TargetRef(bucket: "logs"), level: .write): AccessCell(
        .conditional, note: "needs aws:SourceIp"),
      CellKey(principal: auditor, target: logs, level: .write): AccessCell(.gap, note: "SCPs not loaded"),
    ],
    gaps: [
      GapFinding(ruleID: "low-rule", severity: .low, title: "minor", fix: "nothing"),
      GapFinding(ruleID: "high-rule", severity: .high, title: "public write", target: logs, fix: "remove *"),
    ])
}
