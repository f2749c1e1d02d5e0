import Foundation
import Testing

@testable import TerminalUI

/// The parts of the model computed when first needed: principals' detail lines (written when a
/// principal is shown) and the gaps (analysed on a background thread while the browser opens).
@Suite struct LazyModelPartsTests {
  /// The lines of `arn` as the browse view's detail strip shows them.
  func details(_ model: BrowserModel, _ arn: String) -> [String]? {
    model.principal(arn).map(model.details)
  }

  @Test(arguments: [0, SnapshotBrowserModel.eagerColumnLimit])
  func detailLinesOfUsersGroupsRolesAndServices(eagerColumnLimit: Int) throws {
    let model = try AdapterScenario.model("codebuild-cross-account", eagerColumnLimit: eagerColumnLimit)
    #expect(model.principals.allSatisfy { $0.details.isEmpty })
    #expect(
      details(model, "arn:aws:iam::111111111111:user/dana") == [
        "groups: release-engineers", "can become: role/CodeBuildRole",
      ])
    #expect(
      details(model, "arn:aws:iam::111111111111:group/release-engineers") == [
        "members: user/dana", "a group never acts itself: its members get its policies",
      ])
    #expect(
      details(model, "arn:aws:iam::111111111111:role/CodeBuildRole") == [
        "trusted and assumable by: codebuild.amazonaws.com (conditional), user/dana via codebuild.amazonaws.com"
      ])
    #expect(details(model, "codebuild.amazonaws.com") == ["can become: role/CodeBuildRole (conditional)"])
  }

  @Test func detailLinesOfPrincipalsOutsideTheSnapshot() throws {
    let model = try AdapterScenario.model("org")
    #expect(
      details(model, "arn:aws:iam::999988887777:root") == [
        "any principal of 999988887777 that its own policies allow",
        "can become: role/VendorSecurityScannerRole",
      ])
    #expect(
      details(model, "arn:aws:iam::173205080756:oidc-provider/token.actions.githubusercontent.com") == [
        "can become: role/ci/GitHubActionsDeployRole (conditional)"
      ])
    // Anyone is listed only because who-can names it: its row keeps its own line.
    #expect(details(model, "*") == ["anyone, signed in or not: a policy grants access to Principal \"*\""])
  }

  @Test func theLazyAndTheEagerModelShowTheSameDetailsAndGaps() throws {
    let eager = try AdapterScenario.model("org")
    let lazy = try AdapterScenario.model("org", eagerColumnLimit: 0)
    #expect(lazy.accessSource != nil && eager.accessSource == nil)
    for principal in lazy.principals {
      #expect(lazy.details(of: principal) == eager.principal(principal.arn).map(eager.details))
    }
    #expect(lazy.gaps == eager.gaps)
    #expect(!lazy.gaps.isEmpty)
  }

  @Test func aModelWithoutADetailSourceShowsTheSummariesOwnLines() {
    let principal = PrincipalSummary(
      arn: "arn:aws:iam::1:user/a", name: "a", kind: .user, accountID: "1", details: ["own line"])
    let model = BrowserModel(source: "TEST", accounts: [], principals: [principal], buckets: [], cells: [:])
    #expect(model.details(of: principal) == ["own line"])
  }

  @Test func pendingGapsAreSortedOnceTheAnalysisEnds() {
    let release = DispatchSemaphore(value: 0)
    let low = GapFinding(ruleID: "b-low", severity: .low, title: "low", fix: "")
    let high = GapFinding(ruleID: "a-high", severity: .high, title: "high", fix: "")
    let pending = Pending<[GapFinding]> {
      release.wait()
      return [low, high]
    }
    let model = BrowserModel(
      source: "TEST", accounts: [], principals: [], buckets: [], cells: [:], pendingGaps: pending)
    release.signal()
    #expect(model.gaps == [high, low])
    #expect(model.longestRuleID == 6)
  }

  @Test func mapRunsAfterTheValueOrAtOnceWhenReady() {
    let release = DispatchSemaphore(value: 0)
    let base = Pending<Int> {
      release.wait()
      return 20
    }
    let doubled = base.map { $0 * 2 }
    let plusOne = doubled.map { $0 + 1 }
    release.signal()
    #expect(plusOne.value == 41)
    #expect(base.map { $0 + 1 }.value == 21)
    #expect(Pending(ready: "ready").map { $0.count }.value == 5)
  }
}
