import Inventory
import TrustGraph

/// Builds the browser's model from a loaded snapshot and its trust graph: accounts, principals,
/// buckets with the prefixes policies name, every matrix cell from who-can per bucket, prefix and
/// level, the gaps and their half-configured cells. Explanations of the other (denied) cells are
/// computed when first opened: explain is too slow to run for every pair up front.
public enum SnapshotBrowserModel {
  public static func make(inventory: Inventory, graph: TrustGraph, source: String) -> BrowserModel {
    let buckets = BucketColumns.buckets(inventory, graph: graph)
    var columns = AccessColumns()
    for bucket in buckets {
      for target in bucket.targets {
        for level in AccessLevel.allCases { columns.fill(target, level: level, graph: graph) }
      }
    }
    var principals = PrincipalRows.principals(inventory, graph: graph)
    var listed = Set(principals.map(\.arn))
    for arn in columns.principalsMet where listed.insert(arn).inserted {
      principals.append(unlisted(arn))
    }
    let gapCells = GapCells(
      findings: GapAnalysis.findings(in: inventory), graph: graph, buckets: buckets, principals: listed,
      allowed: columns.cells)
    let cells = columns.cells.merging(gapCells.cells) { allowed, _ in allowed }
    let paths = columns.paths.merging(gapCells.paths) { allowed, _ in allowed }
    let accounts = AccountRows.accounts(inventory, principals: principals)
    let explainer = PathSource { key in
      ExplainReport.report(key, graph: graph, verdict: cells[key]?.verdict)
    }
    return BrowserModel(
      source: source, accounts: accounts, principals: principals, buckets: buckets, cells: cells,
      paths: paths,
      pathSource: explainer, gaps: gapCells.gaps)
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
