/// Everything the browser shows, as plain values: the input an adapter builds from the trust
/// graph's query results (`SnapshotBrowserModel.make`).
///
/// The adapter fills six things; everything else (who-can and can-what lists, counts, indexes) is
/// derived here:
/// - `accounts`, `principals` (each names its `accountID`), `buckets` (with their prefixes);
/// - `cells`: the verdict for (principal, target, level). A missing cell means *denied*, so only
///   allowed, conditional and gap cells need to be stored;
/// - `paths`: the chains and, for denied pairs, the explanation. Store a report for every
///   non-denied cell and for denied pairs worth explaining (a chain came close): those denied
///   pairs also appear in the who-can and can-what lists. Reports too slow to compute up front
///   come from `pathSource` when first shown (`path(_:)`);
/// - `gaps`: the findings, or `pendingGaps` still being computed in the background (the browser
///   opens meanwhile; the gaps list and the matrix cells they mark wait for them).
public struct BrowserModel: Sendable {
  /// What is being browsed, shown in the breadcrumb (the snapshot path).
  public let source: String
  public let accounts: [AccountSummary]
  public let principals: [PrincipalSummary]
  public let buckets: [BucketSummary]
  public let cells: [CellKey: AccessCell]
  public let paths: [CellKey: PathReport]
  /// Computes (and caches) the reports `paths` does not hold, such as the explanation of a denied cell.
  public let pathSource: PathSource?
  /// For large snapshots: answers computed per column (and per principal) when first shown, instead
  /// of `cells` and `paths` filled up front.
  public let accessSource: AccessSource?
  /// Computes the principals' detail lines when first shown, instead of their `details`.
  public let principalDetails: PrincipalDetailSource?
  /// The findings, most severe first, sorted (on the background thread when they are pending).
  private let gapList: Pending<GapList>

  /// Every bucket and prefix, grouped by bucket in `buckets` order: the matrix columns.
  public let targets: [TargetRef]
  /// The longest prefix, in characters (sizes the matrix columns).
  let longestPrefix: Int
  /// The longest name of a bucket without prefixes, whose one column carries the name alone.
  let longestLoneBucket: Int
  /// Principal indexes (into `principals`) in matrix order: grouped by account in `accounts` order.
  /// Groups have no rows: they never make requests themselves.
  let matrixRows: [Int]
  /// The principals in matrix order.
  let matrixPrincipals: MatrixRowView
  /// Lower-cased ARN, label and account of each principal in matrix order, for the filter.
  let matrixSearch: RowSearchIndex
  /// The account of each principal in matrix order.
  let matrixAccountIDs: [String]
  /// The matrix grid's lines (account headers and rows) without a filter, built once.
  let matrixLayout: MatrixLine.Layout
  private let accountPositions: [String: Int]
  private let principalPositions: [String: Int]
  /// Row in matrix order of each principal, by its position in `principals` (nil for groups).
  private let matrixPositions: [Int?]
  private let principalsOfAccount: [String: [Int]]
  private let bucketsOfAccount: [String: [Int]]
  private let bucketPositions: [String: Int]
  private let questionsByTarget: [TargetRef: [CellKey]]
  private let questionsByPrincipal: [String: [CellKey]]
  /// Non-denied cells per level and verdict, over all principals.
  private let allCounts: [AccessLevel: [Verdict: Int]]

  public init(
    source: String, accounts: [AccountSummary], principals: [PrincipalSummary], buckets: [BucketSummary],
    cells: [CellKey: AccessCell], paths: [CellKey: PathReport] = [:], pathSource: PathSource? = nil,
    accessSource: AccessSource? = nil, principalDetails: PrincipalDetailSource? = nil,
    gaps: [GapFinding] = [],
    pendingGaps: Pending<[GapFinding]>? = nil
  ) {
    self.source = source
    self.accounts = accounts
    self.principals = principals
    self.buckets = buckets
    self.cells = cells
    self.paths = paths
    self.pathSource = pathSource
    self.accessSource = accessSource
    self.principalDetails = principalDetails
    gapList = (pendingGaps ?? Pending(ready: gaps)).map(GapList.init)
    targets = buckets.flatMap(\.targets)
    longestPrefix = targets.map(\.prefix.count).max() ?? 0
    longestLoneBucket = buckets.filter(\.prefixes.isEmpty).map(\.name.count).max() ?? 0
    principalPositions = Dictionary(
      principals.enumerated().map { ($1.arn, $0) }, uniquingKeysWith: { a, _ in a })
    principalsOfAccount = Dictionary(grouping: principals.indices, by: { principals[$0].accountID })
    bucketsOfAccount = Dictionary(grouping: buckets.indices, by: { buckets[$0].accountID })
    bucketPositions = Dictionary(buckets.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    let accountOrder = Dictionary(accounts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    accountPositions = accountOrder
    matrixRows = principals.indices.filter { principals[$0].kind != .group }.sorted {
      (accountOrder[principals[$0].accountID] ?? Int.max, $0) < (
        accountOrder[principals[$1].accountID] ?? Int.max, $1
      )
    }
    matrixPrincipals = MatrixRowView(principals: principals, rows: matrixRows)
    var matrixPositions = [Int?](repeating: nil, count: principals.count)
    for (row, position) in matrixRows.enumerated() { matrixPositions[position] = row }
    self.matrixPositions = matrixPositions
    matrixSearch = RowSearchIndex(
      matrixPrincipals.lazy.map { "\($0.arn) \($0.label) \($0.accountID)".lowercased() })
    matrixAccountIDs = matrixPrincipals.map(\.accountID)
    matrixLayout = MatrixLine.layout(accountIDs: matrixAccountIDs)
    let questions = Set(cells.keys).union(paths.keys).sorted {
      let left = (cells[$0]?.verdict ?? .denied) == .denied ? 1 : 0
      let right = (cells[$1]?.verdict ?? .denied) == .denied ? 1 : 0
      return (left, $0.level, $0.principal, $0.target) < (right, $1.level, $1.principal, $1.target)
    }
    questionsByTarget = Dictionary(grouping: questions, by: \.target)
    questionsByPrincipal = Dictionary(grouping: questions, by: \.principal)
    allCounts = cells.reduce(into: [:]) { counts, entry in
      counts[entry.key.level, default: [:]][entry.value.verdict, default: 0] += 1
    }
  }

  /// The findings of the gaps analysis, most severe first (waits for a pending analysis).
  public var gaps: [GapFinding] { gapList.value.gaps }

  /// The longest rule id of the gaps (sizes the gaps list's column).
  var longestRuleID: Int { gapList.value.longestRuleID }

  /// The findings sorted for the gaps list, and the longest rule id.
  private struct GapList: Sendable {
    let gaps: [GapFinding]
    let longestRuleID: Int

    init(_ gaps: [GapFinding]) {
      self.gaps = gaps.sorted { ($0.severity, $1.ruleID) > ($1.severity, $0.ruleID) }
      longestRuleID = gaps.map(\.ruleID.count).max() ?? 0
    }
  }

  /// How many cells of `level` have each verdict, over the given principals' rows and all targets.
  /// With an `accessSource`, only the columns computed so far are counted (see `columnsCounted`).
  public func verdictCounts(level: AccessLevel, principals rows: some Collection<PrincipalSummary>)
    -> [Verdict: Int]
  {
    guard rows.count != matrixPrincipals.count else { return verdictCounts(level: level, shown: nil) }
    let wanted = Set(rows.map(\.arn))
    return verdictCounts(level: level, shown: matrixPrincipals.map { wanted.contains($0.arn) })
  }

  /// The counts over the matrix rows whose entry in `shown` (one per row, in matrix order) is true;
  /// all rows when nil. A filter that keeps 100,000 rows is counted without hashing their ARNs.
  func verdictCounts(level: AccessLevel, shown: [Bool]?) -> [Verdict: Int] {
    var counts: [Verdict: Int]
    var columns = targets.count
    let isShown: ((String) -> Bool)? = shown.map { shown in
      { arn in self.principalPositions[arn].flatMap { self.matrixPositions[$0] }.map { shown[$0] } ?? false }
    }
    if let accessSource {
      let soFar = accessSource.countsSoFar(level: level, shown: isShown)
      counts = soFar.counts
      columns = soFar.columns
    } else if let isShown {
      counts = [:]
      for row in matrixPrincipals where isShown(row.arn) {
        for key in questionsByPrincipal[row.arn] ?? [] where key.level == level {
          counts[cell(key).verdict, default: 0] += 1
        }
      }
    } else {
      counts = allCounts[level] ?? [:]
    }
    let rowCount = shown.map { $0.lazy.filter { $0 }.count } ?? matrixPrincipals.count
    counts[.denied] = 0
    counts[.denied] = rowCount * columns - counts.values.reduce(0, +)
    return counts
  }

  /// How many columns of `level` the counts cover: all targets, or with an `accessSource` the
  /// columns computed so far.
  public func columnsCounted(level: AccessLevel) -> Int {
    accessSource?.countsSoFar(level: level, shown: nil).columns ?? targets.count
  }

  /// The chains and explanation for one question: the stored report, else one computed by `pathSource`.
  public func path(_ key: CellKey) -> PathReport? {
    paths[key] ?? accessSource?.path(key) ?? pathSource?.report(key)
  }

  /// The verdict for one question; denied unless a cell says otherwise.
  /// With an `accessSource`, a cell whose column is not computed yet is a gap saying so (never denied).
  public func cell(_ key: CellKey) -> AccessCell {
    if let cell = cells[key] { return cell }
    switch accessSource?.cell(key) {
    case .found(let cell): return cell
    case .notComputed: return AccessCell(.gap, note: "not computed yet: Enter computes this column")
    case .denied, nil: return AccessCell(.denied)
    }
  }

  /// The principal with this ARN.
  public func principal(_ arn: String) -> PrincipalSummary? { principalPositions[arn].map { principals[$0] } }

  /// The detail lines of a principal: from `principalDetails` when it knows them, else its `details`.
  public func details(of principal: PrincipalSummary) -> [String] {
    principalDetails?.lines(principal) ?? principal.details
  }

  /// The account with this id.
  public func account(_ id: String) -> AccountSummary? { accountPositions[id].map { accounts[$0] } }

  /// The bucket with this name.
  public func bucket(_ name: String) -> BucketSummary? { bucketPositions[name].map { buckets[$0] } }

  /// Principals of one account, in model order.
  public func principals(inAccount id: String) -> [PrincipalSummary] {
    (principalsOfAccount[id] ?? []).map { principals[$0] }
  }

  /// Buckets of one account, in model order.
  public func buckets(inAccount id: String) -> [BucketSummary] {
    (bucketsOfAccount[id] ?? []).map { buckets[$0] }
  }

  /// Who can do what to `target`: every non-denied cell, then every explained or explicitly denied
  /// pair, each by level then principal.
  public func whoCan(_ target: TargetRef) -> [CellKey] {
    guard let accessSource else { return questionsByTarget[target] ?? [] }
    return AccessLevel.allCases.flatMap { level in
      accessSource.column(target, level).cells.keys.sorted { $0.principal < $1.principal }
    }
  }

  /// `whoCan(target)` when it is known without computing anything (for the detail strip); else nil.
  public func knownWhoCan(_ target: TargetRef) -> [CellKey]? {
    guard let accessSource else { return whoCan(target) }
    return AccessLevel.allCases.allSatisfy { accessSource.hasColumn(target, $0) } ? whoCan(target) : nil
  }

  /// What `principal` can do where: every non-denied cell and every explained pair, by level then target.
  public func canWhat(_ principal: String) -> [CellKey] {
    guard let accessSource else { return questionsByPrincipal[principal] ?? [] }
    return (accessSource.principal(principal)?.cells.keys ?? [:].keys).sorted {
      ($0.level, $0.target) < ($1.level, $1.target)
    }
  }

  /// `canWhat(principal)` when it is known without computing anything (for the detail strip); else nil.
  public func knownCanWhat(_ principal: String) -> [CellKey]? {
    guard let accessSource else { return canWhat(principal) }
    return accessSource.principal(principal, compute: false) == nil ? nil : canWhat(principal)
  }

  /// A short label for a principal ARN (`user/bobbytables`), or the ARN when unknown.
  public func label(ofPrincipal arn: String) -> String { principal(arn)?.label ?? arn }
}
