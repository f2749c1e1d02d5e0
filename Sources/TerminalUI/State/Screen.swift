/// The views of the browser. The first three are tabs (`1`, `2`, `3`); the others are pushed on top.
enum Screen: Sendable, Hashable {
  case browse
  case matrix
  case gaps
  /// Who can do what to one bucket or prefix.
  case whoCan(TargetRef)
  /// What one principal (ARN) can do where.
  case canWhat(String)
  /// The chains (and the explanation) for one question.
  case paths(CellKey)

  /// The key-table scope that applies on this screen.
  var scope: KeyScope {
    switch self {
    case .browse: .browse
    case .matrix: .matrix
    case .gaps, .whoCan, .canWhat: .lists
    case .paths: .paths
    }
  }
}

/// The three columns of the browse screen, left to right.
enum BrowsePane: Int, Sendable, CaseIterable {
  case accounts, principals, resources

  var title: String {
    switch self {
    case .accounts: "Accounts"
    case .principals: "Principals"
    case .resources: "Buckets & prefixes"
    }
  }
}

/// Identifies one scrollable list, whose cursor and filter are kept in `AppState.lists`.
enum ListID: Sendable, Hashable {
  case accounts, principals, resources, matrixRows, gaps
  case whoCan(TargetRef)
  case canWhat(String)
  /// The path view scrolls by line.
  case paths(CellKey)
}

/// The cursor and the filter of one list.
struct ListState: Sendable, Hashable {
  var cursor = 0
  var filter = ""
}
