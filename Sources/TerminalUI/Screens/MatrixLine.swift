/// One line of the matrix grid: an account header (`rowIndex == nil`) or a principal row.
struct MatrixLine: Sendable {
  var accountID: String
  var rowIndex: Int?

  /// The lines of a matrix, and the line of each row.
  struct Layout: Sendable {
    var lines: [MatrixLine] = []
    var lineOfRow: [Int] = []
  }

  /// The lines for `rows`: each row, preceded by a header whenever the account changes.
  static func layout(_ rows: [PrincipalSummary]) -> Layout {
    var layout = Layout()
    layout.lines.reserveCapacity(rows.count + rows.count / 8)
    layout.lineOfRow.reserveCapacity(rows.count)
    for (index, principal) in rows.enumerated() {
      if layout.lines.last?.accountID != principal.accountID {
        layout.lines.append(MatrixLine(accountID: principal.accountID))
      }
      layout.lineOfRow.append(layout.lines.count)
      layout.lines.append(MatrixLine(accountID: principal.accountID, rowIndex: index))
    }
    return layout
  }
}
