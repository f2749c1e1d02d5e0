/// A rectangle of cells on the screen.
struct Rect: Sendable, Hashable {
  var x: Int
  var y: Int
  var width: Int
  var height: Int

  var maxY: Int { y + height }

  /// The rectangle inside a one-cell border.
  var inset: Rect { Rect(x: x + 1, y: y + 1, width: max(0, width - 2), height: max(0, height - 2)) }

  /// Splits off the bottom `rows` rows: (top, bottom).
  func splitBottom(_ rows: Int) -> (top: Rect, bottom: Rect) {
    let rows = min(rows, height)
    return (
      Rect(x: x, y: y, width: width, height: height - rows),
      Rect(x: x, y: maxY - rows, width: width, height: rows)
    )
  }

  /// Splits into `count` columns of nearly equal width, left to right.
  func columns(_ count: Int) -> [Rect] {
    guard count > 0 else { return [] }
    return (0..<count).map { index in
      let start = x + width * index / count
      let end = x + width * (index + 1) / count
      return Rect(x: start, y: y, width: end - start, height: height)
    }
  }
}
