import Testing

@testable import TerminalUI

@Suite struct BrowserModelTests {
  let model = sampleModel
  let user = "arn:aws:iam::111111111111:user/bobbytables"

  @Test func missingCellsAreDeniedAndExplainedOnDemand() {
    let key = CellKey(
      principal: user, target: TargetRef(bucket: "account-b-bucket", prefix: "bar/"), level: .read)
    #expect(model.cell(key).verdict == .denied)
    #expect(model.paths[key] == nil)
    #expect(model.path(key)?.explanation != nil)
  }

  @Test func whoCanAndCanWhatAgree() {
    for target in model.targets {
      for key in model.whoCan(target) { #expect(model.canWhat(key.principal).contains(key)) }
    }
    #expect(model.canWhat(user).first?.level == .write)
  }

  @Test func whoCanListsAllowedLevelsBeforeDeniedOnes() {
    let rows = model.whoCan(TargetRef(bucket: "account-b-bucket", prefix: "foo/"))
    #expect(
      rows.map(\.level) == [
        .write, .write, .permissions, .permissions, .read, .read, .list, .list, .delete, .delete,
      ])
    #expect(rows.prefix(4).allSatisfy { model.cell($0).verdict == .allowed })
    #expect(rows.dropFirst(4).allSatisfy { model.cell($0).verdict == .denied })
  }

  @Test func countsCoverEveryCell() {
    let counts = model.verdictCounts(level: .write, principals: model.matrixPrincipals)
    #expect(counts[.allowed] == 6)
    #expect(counts[.denied] == 0)
    let onlyUser = model.verdictCounts(level: .read, principals: [model.matrixPrincipals[0]])
    #expect(onlyUser[.denied] == 3)
    #expect(onlyUser[.allowed, default: 0] == 0)
  }

  @Test func matrixRowsAreGroupedByAccountOrder() {
    let mixed = MixedVerdictModel.model
    #expect(mixed.matrixRows.map { mixed.principals[$0].name }.first == "ci")
    #expect(mixed.gaps.map(\.severity) == [.high, .low])
  }
}
