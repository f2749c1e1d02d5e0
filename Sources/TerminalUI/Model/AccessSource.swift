import Foundation

/// Fills the matrix on demand for snapshots too large to answer every (target, level) column up
/// front: a column is computed (one who-can) the first time a cell of it is shown, a principal's
/// can-what the first time it is opened, and both are kept.
public final class AccessSource: @unchecked Sendable {
  /// Non-denied answers (and their reports) by question.
  public struct Answers: Sendable {
    public var cells: [CellKey: AccessCell]
    public var paths: [CellKey: PathReport]

    public init(cells: [CellKey: AccessCell] = [:], paths: [CellKey: PathReport] = [:]) {
      self.cells = cells
      self.paths = paths
    }
  }

  private struct ColumnID: Hashable {
    var target: TargetRef
    var level: AccessLevel
  }

  private let computeColumn: @Sendable (TargetRef, AccessLevel) -> Answers
  private let computePrincipal: @Sendable (String) -> Answers
  private let lock = NSLock()
  private var columns: [ColumnID: Answers] = [:]
  private var principals: [String: Answers] = [:]

  /// - Parameters:
  ///   - column: every answer of one target at one level.
  ///   - principal: the answers worth listing for one principal (its can-what).
  public init(
    column: @escaping @Sendable (TargetRef, AccessLevel) -> Answers,
    principal: @escaping @Sendable (String) -> Answers
  ) {
    computeColumn = column
    computePrincipal = principal
  }

  /// The answers of `target` at `level`, computed once.
  func column(_ target: TargetRef, _ level: AccessLevel) -> Answers {
    let id = ColumnID(target: target, level: level)
    if let known = lock.withLock({ columns[id] }) { return known }
    let answers = computeColumn(target, level)
    lock.withLock { columns[id] = answers }
    return answers
  }

  /// Whether the column has been computed already.
  func hasColumn(_ target: TargetRef, _ level: AccessLevel) -> Bool {
    lock.withLock { columns[ColumnID(target: target, level: level)] != nil }
  }

  /// The answers of one principal, computed once; nil without `compute` when not computed yet.
  func principal(_ arn: String, compute: Bool = true) -> Answers? {
    if let known = lock.withLock({ principals[arn] }) { return known }
    guard compute else { return nil }
    let answers = computePrincipal(arn)
    lock.withLock { principals[arn] = answers }
    return answers
  }

  /// The cell of `key` from its column, else from the principal's answers, when either is computed;
  /// `.notComputed` otherwise (drawing never waits for a who-can).
  func cell(_ key: CellKey) -> Lookup {
    let id = ColumnID(target: key.target, level: key.level)
    return lock.withLock {
      if let column = columns[id] { return column.cells[key].map(Lookup.found) ?? .denied }
      if let answer = principals[key.principal]?.cells[key] { return .found(answer) }
      return .notComputed
    }
  }

  /// What `cell(_:)` knows.
  enum Lookup {
    case found(AccessCell)
    case denied
    case notComputed
  }

  /// The verdict of `key` if its column or the principal's answers are computed (never computes).
  public func peek(_ key: CellKey) -> Verdict? {
    let id = ColumnID(target: key.target, level: key.level)
    return lock.withLock { (columns[id]?.cells[key] ?? principals[key.principal]?.cells[key])?.verdict }
  }

  /// The report of `key` from its column (computed now if needed) or the principal's answers.
  func path(_ key: CellKey) -> PathReport? {
    column(key.target, key.level).paths[key] ?? lock.withLock { principals[key.principal]?.paths[key] }
  }

  /// How many non-denied cells of `level` each verdict has in the columns computed so far (over
  /// the principals `shown` accepts, when given), and how many columns that is.
  func countsSoFar(level: AccessLevel, shown: ((String) -> Bool)?) -> (counts: [Verdict: Int], columns: Int) {
    lock.withLock {
      var counts: [Verdict: Int] = [:]
      let computed = columns.filter { $0.key.level == level }
      for column in computed.values {
        for (key, cell) in column.cells where shown?(key.principal) ?? true {
          counts[cell.verdict, default: 0] += 1
        }
      }
      return (counts, computed.count)
    }
  }
}
