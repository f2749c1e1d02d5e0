import Inventory
import TrustGraph

/// Builds the browser's model from a loaded snapshot and its trust graph: accounts, principals,
/// buckets with the prefixes policies name, the matrix cells from who-can per bucket, prefix and
/// level, the gaps and their half-configured cells. Explanations of denied cells are computed when
/// first opened (explain is too slow to run for every pair up front); in snapshots with more than
/// `eagerColumnLimit` columns (targets × levels) the cells too are computed per column when shown.
/// The gap analysis runs on a background thread, so that the browser opens before it ends (the gaps
/// list and any column computed meanwhile wait for it); principals' detail lines are written when shown.
public enum SnapshotBrowserModel {
  /// Above this many (target, level) columns the matrix is filled on demand (one who-can per
  /// column: a 1,000-account organization has tens of thousands).
  public static let eagerColumnLimit = 2_000

  public static func make(
    inventory: Inventory, graph: TrustGraph, source: String, eagerColumnLimit: Int = eagerColumnLimit
  ) -> BrowserModel {
    let findings = Pending { GapAnalysis.findings(in: inventory) }
    let rows = PrincipalRows(inventory, graph: graph)
    var (principals, arns) = rows.principals()
    let buckets = BucketColumns.buckets(inventory, graph: graph)
    let gapCells = findings.map { [arns] in GapCells(findings: $0, buckets: buckets, principals: arns) }
    let columns = AccessColumns(graph: graph, gapCells: gapCells)
    let root = inventory.root
    let targets = buckets.flatMap(\.targets)
    var answers = AccessSource.Answers()
    // Principals who-can named that `rows` did not list: their rows carry their own details.
    var namedOnly = Set<String>()
    let accessSource: AccessSource?
    if targets.count * AccessLevel.allCases.count <= eagerColumnLimit {
      for target in targets {
        for level in AccessLevel.allCases {
          let column = columns.column(target, level: level).relative(to: root)
          answers.cells.merge(column.cells) { first, _ in first }
          answers.paths.merge(column.paths) { first, _ in first }
        }
      }
      // Principals outside the snapshot (an external account) reach buckets through grants to
      // everyone, which who-can lists as `*`: their own can-what is asked of the graph.
      for principal in principals where graph.nodes[principal.arn]?.isExternal == true {
        let own = PrincipalAnswers.answers(principal.arn, graph: graph).relative(to: root)
        answers.cells.merge(own.cells) { known, _ in known }
        answers.paths.merge(own.paths) { known, _ in known }
      }
      answers.cells.merge(deniedNeighbours(of: answers.cells)) { known, _ in known }
      var listed = arns
      for key in answers.cells.keys.sorted(by: { $0.principal < $1.principal })
      where listed.insert(key.principal).inserted {
        principals.append(unlisted(key.principal))
        namedOnly.insert(key.principal)
      }
      accessSource = nil
    } else {
      accessSource = AccessSource(
        column: { columns.column($0, level: $1).relative(to: root) },
        principal: { PrincipalAnswers.answers($0, graph: graph).relative(to: root) })
    }
    let unlistedRows = namedOnly
    let cells = answers.cells
    let paths = answers.paths
    let explainer = PathSource { key in
      guard
        let report = ExplainReport.report(
          key, graph: graph, verdict: cells[key]?.verdict ?? accessSource?.peek(key))
      else { return nil }
      let neighbours = AccessLevel.allCases.compactMap { level -> (AccessLevel, PathReport)? in
        let other = CellKey(principal: key.principal, target: key.target, level: level)
        guard level != key.level, let neighbour = paths[other], neighbour.verdict != .denied else {
          return nil
        }
        return (level, neighbour)
      }
      return ExplainReport.withNeighbours(report.relative(to: root), neighbours)
    }
    return BrowserModel(
      source: source, accounts: AccountRows.accounts(inventory, principals: principals),
      principals: principals,
      buckets: buckets, cells: cells, paths: answers.paths, pathSource: explainer, accessSource: accessSource,
      principalDetails: PrincipalDetailSource { unlistedRows.contains($0.arn) ? nil : rows.details(of: $0) },
      pendingGaps: gapCells.map(\.gaps))
  }

  /// For every principal with some access to a target, the levels it does not have there, as explicit
  /// denied cells: the who-can and can-what lists then offer them, and Enter explains why not.
  private static func deniedNeighbours(of cells: [CellKey: AccessCell]) -> [CellKey: AccessCell] {
    var denied: [CellKey: AccessCell] = [:]
    for key in cells.keys {
      for level in AccessLevel.allCases where level != key.level {
        let other = CellKey(principal: key.principal, target: key.target, level: level)
        if cells[other] == nil { denied[other] = AccessCell(.denied) }
      }
    }
    return denied
  }

  /// A row for a principal who-can named that the snapshot does not list (anyone, an account root).
  private static func unlisted(_ arn: String) -> PrincipalSummary {
    if arn == "*" {
      return PrincipalSummary(
        arn: arn, name: "*", kind: .anonymous, accountID: AccountRows.anyone,
        details: ["anyone, signed in or not: a policy grants access to Principal \"*\""])
    }
    if !arn.hasPrefix("arn:") {
      return PrincipalSummary(arn: arn, name: arn, kind: .service, accountID: AccountRows.services)
    }
    let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
    let account = parts.count == 6 && !parts[4].isEmpty ? String(parts[4]) : AccountRows.anyone
    let isRoot = parts.count == 6 && parts[5] == "root"
    return PrincipalSummary(
      arn: arn, name: isRoot ? account : EvidenceText.label(arn), kind: isRoot ? .account : .user,
      accountID: account, details: ["named by a policy that grants access"])
  }
}
