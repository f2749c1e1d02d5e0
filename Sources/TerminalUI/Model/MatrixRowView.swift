/// The matrix rows a filter shows, as a view on the model's rows (no copy: a filter that keeps
/// 100,000 of them is built on every key typed).
struct MatrixRowView: RandomAccessCollection, Sendable {
  let principals: [PrincipalSummary]
  /// The shown rows' positions in `principals`; nil when every row is shown.
  let positions: [Int]?

  var startIndex: Int { 0 }
  var endIndex: Int { positions?.count ?? principals.count }

  subscript(index: Int) -> PrincipalSummary { principals[positions?[index] ?? index] }
}
