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
    let filter = list(.accounts).filter
    return model.accounts.filter { Self.matches(filter, [$0.displayName] + $0.ouPath) }
  }

  /// The account under the cursor of the accounts pane.
  var selectedAccount: AccountSummary? { element(visibleAccounts, at: cursor(.accounts)) }

  var visiblePrincipals: [PrincipalSummary] {
    guard let account = selectedAccount else { return [] }
    let filter = list(.principals).filter
    return model.principals(inAccount: account.id).filter { Self.matches(filter, [$0.arn, $0.label]) }
  }

  var visibleTargets: [TargetRef] {
    guard let account = selectedAccount else { return [] }
    let filter = list(.resources).filter
    return model.buckets(inAccount: account.id).flatMap(\.targets).filter { Self.matches(filter, [$0.uri]) }
  }

  var visibleMatrixRows: [PrincipalSummary] {
    let filter = list(.matrixRows).filter
    return model.matrixRows.map { model.principals[$0] }.filter {
      Self.matches(filter, [$0.arn, $0.label, $0.accountID])
    }
  }

  var visibleGaps: [GapFinding] {
    let filter = list(.gaps).filter
    return model.gaps.filter {
      Self.matches(
        filter, [$0.ruleID, $0.title, $0.severity.rawValue, $0.principal ?? "", $0.target?.uri ?? ""])
    }
  }

  /// The rows of a who-can or can-what list.
  func visibleQuestions(_ id: ListID) -> [CellKey] {
    let filter = list(id).filter
    switch id {
    case .whoCan(let target):
      return model.whoCan(target).filter {
        Self.matches(filter, [$0.principal, model.label(ofPrincipal: $0.principal), $0.level.rawValue])
      }
    case .canWhat(let principal):
      return model.canWhat(principal).filter { Self.matches(filter, [$0.target.uri, $0.level.rawValue]) }
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
    case .matrixRows: visibleMatrixRows.count
    case .gaps: visibleGaps.count
    case .whoCan, .canWhat: visibleQuestions(id).count
    case .paths(let key):
      max(1, PathDocument(state: self, key: key, width: size.columns).lines.count - bodyHeight + 1)
    }
  }

  /// The cursor of a list, clamped to its rows.
  func cursor(_ id: ListID) -> Int { max(0, min(list(id).cursor, itemCount(id) - 1)) }

  /// The matrix column under the cursor, clamped to the targets.
  var clampedMatrixColumn: Int { max(0, min(matrixColumn, model.targets.count - 1)) }

  /// The question under the matrix cursor.
  var matrixCellKey: CellKey? {
    guard let row = element(visibleMatrixRows, at: cursor(.matrixRows)),
      let target = element(model.targets, at: clampedMatrixColumn)
    else { return nil }
    return CellKey(principal: row.arn, target: target, level: matrixLevel)
  }

  /// Rows between the breadcrumb and the bottom line.
  var bodyHeight: Int { max(0, size.rows - 2) }

  /// Rows a page moves by.
  var pageSize: Int { max(1, size.rows - 8) }

  func element<T>(_ items: [T], at index: Int) -> T? { items.indices.contains(index) ? items[index] : nil }

  /// Case-insensitive substring match against any of `texts`; a leading `!` inverts it.
  static func matches(_ filter: String, _ texts: [String]) -> Bool {
    guard !filter.isEmpty else { return true }
    let inverted = filter.hasPrefix("!")
    let needle = (inverted ? String(filter.dropFirst()) : filter).lowercased()
    guard !needle.isEmpty else { return true }
    let found = texts.contains { $0.lowercased().contains(needle) }
    return found != inverted
  }
}
