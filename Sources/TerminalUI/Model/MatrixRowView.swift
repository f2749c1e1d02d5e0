/// The matrix rows, all or those a filter shows, as a view on the model's principals (no copy: a
/// 1,000-account organization has 126,000 rows, and a filter that keeps 100,000 of them is built on
/// every key typed).
struct MatrixRowView: RandomAccessCollection, Sendable {
  private let principals: [PrincipalSummary]
  /// Every matrix row in order, as a position in `principals`.
  private let rows: [Int]
  /// The shown rows' positions in `rows`; nil when every row is shown.
  let positions: [Int]?

  /// Every row: `rows` are positions in `principals`, in matrix order.
  init(principals: [PrincipalSummary], rows: [Int]) {
    self.principals = principals
    self.rows = rows
    positions = nil
  }

  /// The rows of `all` (every row) at `positions` (positions in `all`); all of them when nil.
  init(principals all: MatrixRowView, positions: [Int]?) {
    principals = all.principals
    rows = all.rows
    self.positions = positions
  }

  var startIndex: Int { 0 }
  var endIndex: Int { positions?.count ?? rows.count }

  subscript(index: Int) -> PrincipalSummary { principals[rows[positions?[index] ?? index]] }
}
