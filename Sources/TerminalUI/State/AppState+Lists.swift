/// The rows each list shows after its filter, and the clamped cursors: shared by reduce and render.
extension AppState {
  /// The list that keys move in and `/` filters, for the current view.
  var activeList: ListID {
    switch screen {
    case .browse:
      switch browseFocus {
      case .accounts: .accounts
      case .principals: .principals
      case .resources: .resources
      }
    case .matrix: .matrixRows
    case .gaps: .gaps
    case .whoCan(let target): .whoCan(target)
    case .canWhat(let principal): .canWhat(principal)
    case .paths(let key): .paths(key)
    }
  }

  var visibleAccounts: [AccountSummary] {
    let filter = TextFilter(list(.accounts).filter)
    guard !filter.isEmpty else { return model.accounts }
    return model.accounts.filter { filter.matches([$0.displayName] + $0.ouPath) }
  }

  /// The account under the cursor of the accounts pane.
  var selectedAccount: AccountSummary? {
    let accounts = visibleAccounts
    return element(accounts, at: cursor(.accounts, count: accounts.count))
  }

  var visiblePrincipals: [PrincipalSummary] {
    guard let account = selectedAccount else { return [] }
    let filter = TextFilter(list(.principals).filter)
    return model.principals(inAccount: account.id).filter { filter.matches([$0.arn, $0.label]) }
  }

  var visibleTargets: [TargetRef] {
    guard let account = selectedAccount else { return [] }
    let filter = TextFilter(list(.resources).filter)
    return model.buckets(inAccount: account.id).flatMap(\.targets).filter { filter.matches([$0.uri]) }
  }

  /// Which matrix rows (in the model's matrix order) the matrix filter shows; nil when it shows all.
  var visibleMatrixMask: [Bool]? {
    guard let positions = visibleMatrixPositions else { return nil }
    var shown = [Bool](repeating: false, count: model.matrixPrincipals.count)
    for position in positions { shown[position] = true }
    return shown
  }

  /// The positions (in the model's matrix order) of the rows the matrix filter shows; nil when it
  /// shows all. Cached with the filter by `refreshMatrixFilterCache`.
  var visibleMatrixPositions: [Int]? {
    let filter = list(.matrixRows).filter
    guard !filter.isEmpty else { return nil }
    if let cache = matrixFilterCache, cache.filter == filter { return cache.indices }
    let textFilter = TextFilter(filter)
    return model.matrixSearch.rows(containing: textFilter.needle, among: nil, inverted: textFilter.inverted)
  }

  /// The grouped lines of `visibleMatrixRows`: the model's own when unfiltered, else those cached
  /// with the filter (so moving through a filtered matrix does not regroup every row per key).
  var visibleMatrixLayout: MatrixLine.Layout {
    guard let positions = visibleMatrixPositions else { return model.matrixLayout }
    if let cache = matrixFilterCache, cache.filter == list(.matrixRows).filter { return cache.layout }
    return MatrixLine.layout(accountIDs: model.matrixAccountIDs, positions: positions)
  }

  /// The matrix rows the filter shows, as a view on the model's rows (no copy: the matrix can have
  /// 100,000 rows).
  var visibleMatrixRows: MatrixRowView {
    MatrixRowView(principals: model.matrixPrincipals, positions: visibleMatrixPositions)
  }

  var visibleGaps: [GapFinding] {
    let filter = TextFilter(list(.gaps).filter)
    guard !filter.isEmpty else { return model.gaps }
    return model.gaps.filter {
      filter.matches([$0.ruleID, $0.title, $0.severity.rawValue, $0.principal ?? "", $0.target?.uri ?? ""])
    }
  }

  /// The rows of a who-can or can-what list.
  func visibleQuestions(_ id: ListID) -> [CellKey] {
    let filter = TextFilter(list(id).filter)
    switch id {
    case .whoCan(let target):
      return model.whoCan(target).filter {
        filter.matches([$0.principal, model.label(ofPrincipal: $0.principal), $0.level.rawValue])
      }
    case .canWhat(let principal):
      return model.canWhat(principal).filter { filter.matches([$0.target.uri, $0.level.rawValue]) }
    default:
      return []
    }
  }

  /// How many rows (or, for the path view, lines) a list has.
  func itemCount(_ id: ListID) -> Int {
    switch id {
    case .accounts: visibleAccounts.count
    case .principals: visiblePrincipals.count
    case .resources: visibleTargets.count
    case .matrixRows:
      visibleMatrixPositions?.count ?? model.matrixPrincipals.count
    case .gaps: visibleGaps.count
    case .whoCan, .canWhat: visibleQuestions(id).count
    case .paths(let key):
      max(1, PathDocument(state: self, key: key, width: size.columns).lines.count - bodyHeight + 1)
    }
  }

  /// The cursor of a list, clamped to its rows.
  func cursor(_ id: ListID) -> Int { cursor(id, count: itemCount(id)) }

  /// The cursor of a list clamped to `count` rows, for callers that already have the rows.
  func cursor(_ id: ListID, count: Int) -> Int { max(0, min(list(id).cursor, count - 1)) }

  /// The matrix column under the cursor, clamped to the targets.
  var clampedMatrixColumn: Int { max(0, min(matrixColumn, model.targets.count - 1)) }

  /// The question under the matrix cursor.
  var matrixCellKey: CellKey? {
    let rows = visibleMatrixRows
    guard let row = element(rows, at: cursor(.matrixRows, count: rows.count)),
      let target = element(model.targets, at: clampedMatrixColumn)
    else { return nil }
    return CellKey(principal: row.arn, target: target, level: matrixLevel)
  }

  /// Rows between the breadcrumb and the bottom line.
  var bodyHeight: Int { max(0, size.rows - 2) }

  /// Rows a page moves by.
  var pageSize: Int { max(1, size.rows - 8) }

  func element<Items: RandomAccessCollection<Element>, Element>(_ items: Items, at index: Int) -> Element?
  where Items.Index == Int {
    items.indices.contains(index) ? items[index] : nil
  }
}
