/// One line of the matrix grid: an account header (`rowIndex == nil`) or a principal row.
struct MatrixLine: Sendable {
  var accountID: String
  var rowIndex: Int?

  /// The lines of a matrix, and the line of each row.
  struct Layout: Sendable {
    var lines: [MatrixLine] = []
    var lineOfRow: [Int] = []
  }

  /// The lines for the rows at `positions` (all rows when nil) of a matrix whose rows belong to
  /// `accountIDs`: each row, preceded by a header whenever the account changes.
  static func layout(accountIDs: [String], positions: [Int]? = nil) -> Layout {
    let count = positions?.count ?? accountIDs.count
    var layout = Layout()
    layout.lines.reserveCapacity(count + count / 8)
    layout.lineOfRow.reserveCapacity(count)
    var previous: String?
    for index in 0..<count {
      let accountID = accountIDs[positions?[index] ?? index]
      if previous != accountID {
        layout.lines.append(MatrixLine(accountID: accountID))
        previous = accountID
      }
      layout.lineOfRow.append(layout.lines.count)
      layout.lines.append(MatrixLine(accountID: accountID, rowIndex: index))
    }
    return layout
  }
}
