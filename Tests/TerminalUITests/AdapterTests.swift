import Testing

@testable import TerminalUI

/// The browser's model built from real SampleData snapshots through the trust graph.
@Suite struct AdapterTests {
  static let user = "arn:aws:iam::111111111111:user/bobbytables"
  static let uploadRole = "arn:aws:iam::111111111111:role/account-a-s3-role"
  static let codeBuildRole = "arn:aws:iam::111111111111:role/CodeBuildRole"
  static let dana = "arn:aws:iam::111111111111:user/dana"
  static let foo = TargetRef(bucket: "account-b-bucket", prefix: "foo/")

  @Test func uploadOnlyPrefixesListsAccountsPrincipalsAndNamedPrefixes() throws {
    let model = try AdapterScenario.uploadOnlyPrefixes.get()
    #expect(model.accounts.map(\.displayName) == ["111111111111 account-a", "222222222222 account-b"])
    #expect(model.principals.map(\.label) == ["user/bobbytables", "role/account-a-s3-role"])
    #expect(model.bucket("account-b-bucket")?.prefixes == ["fighters/", "foo/"])
    #expect(
      model.principal(Self.uploadRole).map(model.details)?.contains(
        "trusted and assumable by: user/bobbytables") == true
    )
  }

  @Test(arguments: [user, uploadRole]) func writesUnderFooButNobodyReads(principal: String) throws {
    let model = try AdapterScenario.uploadOnlyPrefixes.get()
    for level in [AccessLevel.write, .permissions] {
      #expect(model.cell(CellKey(principal: principal, target: Self.foo, level: level)).verdict == .allowed)
    }
    let whole = model.cell(
      CellKey(principal: principal, target: TargetRef(bucket: "account-b-bucket"), level: .write))
    #expect(whole.verdict == .allowed)
    #expect(whole.note == "some keys only: foo/*, fighters/*")
    for level in [AccessLevel.read, .list, .delete] {
      for target in model.targets {
        #expect(model.cell(CellKey(principal: principal, target: target, level: level)).verdict == .denied)
      }
    }
  }

  @Test func theUserWritesThroughTheRole() throws {
    let model = try AdapterScenario.uploadOnlyPrefixes.get()
    let report = try #require(model.path(CellKey(principal: Self.user, target: Self.foo, level: .write)))
    let chain = try #require(report.chains.first)
    #expect(chain.verdict == .allowed)
    #expect(chain.hops.map(\.from) == ["user/bobbytables", "role/account-a-s3-role"])
    #expect(chain.hops.map(\.to) == ["role/account-a-s3-role", "s3://account-b-bucket/foo/"])
    #expect(chain.hops[0].statements.contains { $0.sid == "AssumeUploadRole" })
    let sids = Set(chain.hops[1].statements.compactMap(\.sid))
    #expect(sids.isSuperset(of: ["UploadFooAndFighters", "AllowAccountARoleUploads"]))
  }

  @Test func readingIsExplainedOnBothSides() throws {
    let model = try AdapterScenario.uploadOnlyPrefixes.get()
    let key = CellKey(principal: Self.user, target: Self.foo, level: .read)
    #expect(model.paths[key] == nil, "denied pairs are explained on demand")
    let report = try #require(model.path(key))
    #expect(report.verdict == .denied)
    let explanation = try #require(report.explanation)
    let failing = report.chains[explanation.chainIndex].hops[explanation.hopIndex]
    #expect(failing.from == "role/account-a-s3-role")
    #expect(explanation.layer == "identity policy and bucket policy")
    #expect(explanation.callerSide.accountID == "111111111111")
    #expect(explanation.resourceSide.accountID == "222222222222")
    #expect(explanation.fix.contains { $0.contains("bucket owner 222222222222") })
    #expect(explanation.fix.contains { $0.hasPrefix("account 111111111111") })
    #expect(explanation.callerSide.verdictLine.hasPrefix("identity policy: no statement allows s3:GetObject"))
    #expect(explanation.callerSide.verdictLine.hasSuffix("here it allows only write, permissions:"))
    #expect(explanation.callerSide.statements.map(\.sid) == ["UploadFooAndFighters"])
    #expect(explanation.resourceSide.statements.map(\.sid) == ["AllowAccountARoleUploads"])
  }

  @Test func theOnlyFindingIsObjectOwnership() throws {
    let model = try AdapterScenario.uploadOnlyPrefixes.get()
    #expect(model.gaps.map(\.ruleID) == ["cross-account-writer-object-ownership"])
    #expect(model.gaps.first?.principal == Self.uploadRole)
    #expect(model.gaps.first?.target == TargetRef(bucket: "account-b-bucket"))
  }

  @Test func aBucketWithoutPolicyIsAGapExplainedByTheOwnerSide() throws {
    let model = try AdapterScenario.codebuildCrossAccount.get()
    let nopolicy = TargetRef(bucket: "dev-artifacts-nopolicy")
    let key = CellKey(principal: Self.codeBuildRole, target: nopolicy, level: .write)
    #expect(model.cell(key).verdict == .gap)
    #expect(model.cell(key).note == "half-configured: the bucket owner 222222222222 never allowed it")
    let explanation = try #require(model.path(key)?.explanation)
    #expect(explanation.layer == "bucket policy")
    #expect(explanation.resourceSide.title == "Owner 222222222222 (bucket dev-artifacts-nopolicy)")
    #expect(explanation.callerSide.statements.contains { $0.sid == "WriteDevArtifacts" })
    #expect(explanation.fix.contains { $0.contains("bucket owner 222222222222 must allow") })
    let viaRole = model.cell(CellKey(principal: Self.dana, target: nopolicy, level: .write))
    #expect(viaRole.verdict == .gap)
    #expect(model.path(CellKey(principal: Self.dana, target: nopolicy, level: .write))?.explanation != nil)
    #expect(model.gaps.map(\.ruleID) == ["half-configured-identity-only"])
    #expect(model.gaps.first?.level == .write)
  }

  @Test func theServicePrincipalIsConditionalOnItsSourceAccount() throws {
    let model = try AdapterScenario.codebuildCrossAccount.get()
    let cell = model.cell(
      CellKey(principal: "codebuild.amazonaws.com", target: TargetRef(bucket: "dev-artifacts"), level: .write)
    )
    #expect(cell.verdict == .conditional)
    #expect(cell.note == "if aws:SourceAccount StringEquals 111111111111")
    #expect(model.principal("codebuild.amazonaws.com")?.accountID == "services")
    #expect(model.account("services")?.alias == "AWS service principals")
    #expect(
      model.cell(CellKey(principal: Self.dana, target: TargetRef(bucket: "dev-artifacts"), level: .read))
        .verdict == .allowed)
  }

  @Test func groupsAreListedButHaveNoMatrixRow() throws {
    let model = try AdapterScenario.codebuildCrossAccount.get()
    #expect(model.principals(inAccount: "111111111111").contains { $0.kind == .group })
    #expect(!model.matrixPrincipals.contains { $0.kind == .group })
  }

  @Test func organizationAccountsCarryTheirOUPath() throws {
    let model = try AdapterScenario.model("org")
    let withOU = Array(model.accounts.prefix(13))
    #expect(model.accounts.count > 13, "then the accounts outside the snapshot, services and anyone")
    #expect(withOU.allSatisfy { $0.ouPath.first == "Root" }, "\(withOU.map(\.ouPath))")
    #expect(withOU.contains { $0.ouPath.count >= 3 }, "nested OUs: \(withOU.map(\.ouPath))")
    #expect(model.gaps.count >= 7)
  }

  @Test func aMatrixFilledOnDemandAnswersLikeTheEagerOne() throws {
    let eager = try AdapterScenario.codebuildCrossAccount.get()
    let lazy = try AdapterScenario.model("codebuild-cross-account", eagerColumnLimit: 0)
    #expect(lazy.cells.isEmpty)
    #expect(lazy.columnsCounted(level: .write) == 0)
    let unknown = lazy.cell(
      CellKey(principal: Self.dana, target: TargetRef(bucket: "dev-artifacts"), level: .write))
    #expect(unknown.verdict == .gap, "drawing never computes, and never shows an unknown cell as denied")
    for target in eager.targets { _ = lazy.whoCan(target) }
    for principal in eager.matrixPrincipals {
      for target in eager.targets {
        for level in AccessLevel.allCases {
          let key = CellKey(principal: principal.arn, target: target, level: level)
          let expected = eager.cell(key).verdict == .denied ? AccessCell(.denied) : eager.cell(key)
          #expect(lazy.cell(key) == expected, "\(key)")
        }
      }
    }
    #expect(lazy.columnsCounted(level: .write) == eager.targets.count)
    #expect(
      lazy.verdictCounts(level: .write, principals: lazy.matrixPrincipals)
        == eager.verdictCounts(level: .write, principals: eager.matrixPrincipals))
    for level in AccessLevel.allCases {
      let some = Array(eager.matrixPrincipals.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
      #expect(
        lazy.verdictCounts(level: level, principals: some)
          == eager.verdictCounts(level: level, principals: some),
        "counts over a filtered matrix (\(level))")
    }
    let target = TargetRef(bucket: "dev-artifacts")
    #expect(
      Set(lazy.whoCan(target)) == Set(eager.whoCan(target).filter { eager.cell($0).verdict != .denied }))
    #expect(lazy.knownCanWhat(Self.dana) == nil)
    #expect(lazy.canWhat(Self.dana).map(\.level) == [.write, .read])
    #expect(
      lazy.path(CellKey(principal: Self.dana, target: target, level: .write))?.chains.first?.hops.count == 2)
  }

  @Test func pathSourceComputesEachReportOnce() {
    final class Counter: @unchecked Sendable { var calls = 0 }
    let counter = Counter()
    let source = PathSource { _ in
      counter.calls += 1
      return PathReport(verdict: .denied, chains: [])
    }
    let key = CellKey(principal: "p", target: Self.foo, level: .read)
    #expect(source.report(key)?.verdict == .denied)
    #expect(source.report(key)?.verdict == .denied)
    #expect(counter.calls == 1)
  }
}

/// An account outside the snapshot reaches a public bucket through its grant to everyone: its
/// can-what in the browser says so, as the CLI's does (not "no access anywhere").
@Test func externalAccountCanWhatListsWhatEveryoneGets() throws {
  let model = try AdapterScenario.model("org")
  let external = "arn:aws:iam::999988887777:root"
  let reached = model.canWhat(external).filter { model.cell($0).verdict != .denied }
  #expect(
    reached.contains { $0.target.bucket == "acme-sandbox-alice-demo-site" && $0.level == .read }, "\(reached)"
  )
}
