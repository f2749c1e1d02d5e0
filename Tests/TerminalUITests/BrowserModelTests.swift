import Testing

@testable import TerminalUI

@Suite struct BrowserModelTests {
  let model = BrowserModel.demo
  let user = "arn:aws:iam::111111111111:user/bobbytables"

  @Test func missingCellsAreDenied() {
    let key = CellKey(
      principal: user, target: TargetRef(bucket: "account-b-bucket", prefix: "foo/"), level: .read)
    #expect(model.cell(key).verdict == .denied)
    #expect(model.paths[key]?.explanation?.hopIndex == 1)
  }

  @Test func demoMirrorsUploadOnlyPrefixes() {
    for prefix in ["foo/", "fighters/"] {
      let target = TargetRef(bucket: "account-b-bucket", prefix: prefix)
      #expect(model.cell(CellKey(principal: user, target: target, level: .write)).verdict == .allowed)
      #expect(model.cell(CellKey(principal: user, target: target, level: .read)).verdict == .denied)
    }
    let nobodyReads = model.principals.allSatisfy { principal in
      model.targets.allSatisfy {
        model.cell(CellKey(principal: principal.arn, target: $0, level: .read)).verdict == .denied
      }
    }
    #expect(nobodyReads)
    #expect(model.source.hasPrefix("DEMO"))
  }

  @Test func whoCanAndCanWhatAgree() {
    for target in model.targets {
      for key in model.whoCan(target) { #expect(model.canWhat(key.principal).contains(key)) }
    }
    #expect(model.canWhat(user).first?.level == .write)
  }

  @Test func countsCoverEveryCell() {
    let counts = model.verdictCounts(level: .write, principals: model.principals)
    #expect(counts[.allowed] == 6)
    #expect(counts[.denied] == 0)
    let onlyUser = model.verdictCounts(level: .read, principals: [model.principals[0]])
    #expect(onlyUser[.denied] == 3)
    #expect(onlyUser[.allowed, default: 0] == 0)
  }

  @Test func matrixRowsAreGroupedByAccountOrder() {
    let mixed = MixedVerdictModel.model
    #expect(mixed.matrixRows.map { mixed.principals[$0].name }.first == "ci")
    #expect(mixed.gaps.map(\.severity) == [.high, .low])
  }
}
