/// One character cell of a rendered screen.
public struct Cell: Sendable, Hashable {
  public var character: Character
  public var style: Style
  /// Drawn reversed: the cursor row or cell.
  public var isSelected: Bool
  /// The right half of a wide character; the backend skips it.
  public var isContinuation: Bool

  static let blank = Cell(character: " ", style: .normal, isSelected: false, isContinuation: false)
}

/// A rendered screen: what `render(_:size:)` produces and the backend draws, cell by cell.
public struct ScreenBuffer: Sendable {
  public let size: ScreenSize
  public private(set) var cells: [Cell]
  let ellipsis: Character
  /// Whether only ASCII may reach the terminal (`--ascii`, or a terminal without UTF-8).
  let asciiOnly: Bool

  init(size: ScreenSize, glyphs: GlyphSet) {
    self.size = size
    ellipsis = glyphs.ellipsis
    asciiOnly = glyphs.isASCII
    cells = Array(repeating: .blank, count: max(0, size.columns) * max(0, size.rows))
  }

  public subscript(x: Int, y: Int) -> Cell { cells[y * size.columns + x] }

  /// The rows of cells, top to bottom.
  public var rows: [ArraySlice<Cell>] {
    (0..<size.rows).map { cells[($0 * size.columns)..<(($0 + 1) * size.columns)] }
  }

  /// The screen as text, one line per row, trailing spaces removed.
  public var text: String {
    rows.map { row in
      String(String(row.filter { !$0.isContinuation }.map(\.character)).trailingTrimmed(" "))
    }.joined(separator: "\n")
  }

  /// The style mask (see `Style`), one character per cell, trailing `.` removed.
  public var styleMask: String {
    rows.map { row in
      String(String(row.map { $0.style.maskCharacter(selected: $0.isSelected) }).trailingTrimmed("."))
    }.joined(separator: "\n")
  }

  /// Writes `text` at (x, y) within `width` cells (to the right edge if `nil`), cutting it with an
  /// ellipsis when too long. Returns the number of cells used.
  @discardableResult
  mutating func write(_ text: String, x: Int, y: Int, width: Int? = nil, style: Style = .normal) -> Int {
    write([Segment(text, style)], x: x, y: y, width: width)
  }

  /// Writes styled runs one after another, cut like `write(_:x:y:width:style:)`.
  @discardableResult
  mutating func write(_ line: StyledLine, x: Int, y: Int, width: Int? = nil) -> Int {
    guard y >= 0, y < size.rows, x >= 0, x < size.columns else { return 0 }
    let limit = min(size.columns, x + (width ?? size.columns))
    let characters = line.flatMap { segment in
      segment.text.map { character in
        let shown = TerminalText.displayed(character)
        guard asciiOnly, !shown.character.isASCII else { return (shown, segment.style) }
        return ((TerminalText.asciiFallback(shown.character), 1), segment.style)
      }
    }
    let total = characters.reduce(0) { $0 + $1.0.width }
    let room = total > limit - x ? limit - x - 1 : limit - x
    var column = x
    for ((character, cellWidth), style) in characters {
      guard column + cellWidth <= x + room else { break }
      put(Cell(character: character, style: style, isSelected: false, isContinuation: false), column, y)
      if cellWidth == 2 {
        put(Cell(character: " ", style: style, isSelected: false, isContinuation: true), column + 1, y)
      }
      column += cellWidth
    }
    if total > limit - x, limit - x > 0 {
      put(Cell(character: ellipsis, style: .dim, isSelected: false, isContinuation: false), column, y)
      column += 1
    }
    return column - x
  }

  /// Marks `width` cells from (x, y) as selected (reversed).
  mutating func select(x: Int, y: Int, width: Int) {
    guard y >= 0, y < size.rows else { return }
    for column in max(0, x)..<max(max(0, x), min(size.columns, x + width)) {
      cells[y * size.columns + column].isSelected = true
    }
  }

  /// Fills a rectangle with one character in one style.
  mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
    for row in max(0, rect.y)..<max(max(0, rect.y), min(size.rows, rect.maxY)) {
      for column in max(0, rect.x)..<max(max(0, rect.x), min(size.columns, rect.x + rect.width)) {
        put(Cell(character: character, style: style, isSelected: false, isContinuation: false), column, row)
      }
    }
  }

  private mutating func put(_ cell: Cell, _ x: Int, _ y: Int) {
    guard x >= 0, x < size.columns, y >= 0, y < size.rows else { return }
    cells[y * size.columns + x] = cell
  }
}

extension String {
  /// The string without trailing `character`s.
  func trailingTrimmed(_ character: Character) -> Substring {
    var end = endIndex
    while end > startIndex, self[index(before: end)] == character { end = index(before: end) }
    return self[startIndex..<end]
  }
}
