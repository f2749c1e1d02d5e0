/// The who-can-where matrix: principals (grouped by account) × buckets and prefixes, one glyph per
/// cell for the chosen level. The level bar, the counts and the column headers stay put; the
/// bottom row describes the cell under the cursor in words.
enum MatrixScreen {
  static func draw(_ state: AppState, in body: Rect, on buffer: inout ScreenBuffer) {
    let glyphs = state.glyphs
    let model = state.model
    let rows = state.visibleMatrixRows
    buffer.write(levelBar(state), x: body.x, y: body.y, width: body.width)
    buffer.write(countsLine(state), x: body.x, y: body.y + 1, width: body.width)

    let labelWidth = min(34, max(18, body.width / 3))
    let columnWidth = max(7, min(14, model.longestPrefix + 2), min(18, model.longestLoneBucket + 1))
    let visibleColumns = max(1, (body.width - labelWidth) / columnWidth)
    let column = state.clampedMatrixColumn
    let firstColumn = ScreenBuffer.scrollOffset(cursor: column, visible: visibleColumns)
    let shown = Array(model.targets.indices.dropFirst(firstColumn).prefix(visibleColumns))

    let bucketRow = body.y + 2
    let prefixRow = body.y + 3
    buffer.write("Principal", x: body.x + 2, y: prefixRow, width: labelWidth - 2, style: .heading)
    if firstColumn > 0 {
      buffer.write(
        glyphs.plain("← \(firstColumn) more"), x: body.x + 2, y: bucketRow, width: labelWidth - 2, style: .dim
      )
    }
    var previousBucket: String?
    for (slot, index) in shown.enumerated() {
      let target = model.targets[index]
      let x = body.x + labelWidth + slot * columnWidth
      if target.bucket != previousBucket {
        let span =
          shown.dropFirst(slot).prefix { model.targets[$0].bucket == target.bucket }.count * columnWidth
        buffer.write(target.bucket, x: x, y: bucketRow, width: span - 1, style: .heading)
        previousBucket = target.bucket
      }
      buffer.write(
        columnLabel(target), x: x, y: prefixRow, width: columnWidth - 1,
        style: index == column ? .heading : .normal)
      if index == column {
        buffer.select(
          x: x, y: prefixRow, width: min(columnWidth - 1, TerminalText.width(columnLabel(target))))
      }
    }
    let hiddenRight = model.targets.count - firstColumn - shown.count
    if hiddenRight > 0 {
      let text = glyphs.plain("\(hiddenRight) more →")
      buffer.write(text, x: body.x + body.width - TerminalText.width(text), y: bucketRow, style: .dim)
    }

    let gridTop = body.y + 4
    let gridHeight = max(0, body.height - 5)
    // Built once per model or per filter: the matrix can have 100,000 rows.
    let layout = state.visibleMatrixLayout
    let lines = layout.lines
    let cursorRow = state.cursor(.matrixRows, count: rows.count)
    let cursorLine = layout.lineOfRow.indices.contains(cursorRow) ? layout.lineOfRow[cursorRow] : 0
    let offset = ScreenBuffer.scrollOffset(cursor: cursorLine, visible: gridHeight)
    for (slot, line) in lines.dropFirst(offset).prefix(gridHeight).enumerated() {
      let y = gridTop + slot
      guard let rowIndex = line.rowIndex else {
        let account = model.account(line.accountID)?.displayName ?? line.accountID
        buffer.write(account, x: body.x, y: y, width: labelWidth - 1, style: .heading)
        continue
      }
      let principal = rows[rowIndex]
      let isCursor = rowIndex == cursorRow
      buffer.write(
        [Segment(isCursor ? "\(glyphs.marker) " : "  ", .heading), Segment(principal.label)], x: body.x, y: y,
        width: labelWidth - 1)
      if isCursor {
        buffer.select(x: body.x + 2, y: y, width: min(labelWidth - 3, TerminalText.width(principal.label)))
      }
      for (slot, index) in shown.enumerated() {
        let key = CellKey(principal: principal.arn, target: model.targets[index], level: state.matrixLevel)
        let verdict = model.cell(key).verdict
        let glyph = verdict == .denied ? glyphs.deniedCell : glyphs.glyph(verdict)
        let x = body.x + labelWidth + slot * columnWidth + (columnWidth - 1) / 2
        buffer.write(String(glyph), x: x, y: y, width: 1, style: .of(verdict))
        if isCursor && index == column { buffer.select(x: x, y: y, width: 1) }
      }
    }
    if rows.isEmpty { buffer.write("  no principals match", x: body.x, y: gridTop, style: .dim) }
    buffer.write(cursorLineText(state), x: body.x, y: body.maxY - 1, width: body.width)
  }

  /// `foo/` for a prefix, `(bucket)` for the whole bucket.
  static func columnLabel(_ target: TargetRef) -> String { target.isBucket ? "(all)" : target.prefix }

  private static func levelBar(_ state: AppState) -> StyledLine {
    AccessLevel.allCases.flatMap { level -> StyledLine in
      let text = "\(level.key) \(level.rawValue)"
      return [
        Segment(
          level == state.matrixLevel ? "[\(text)]" : " \(text) ", level == state.matrixLevel ? .heading : .dim
        ), Segment(" "),
      ]
    }
  }

  private static func countsLine(_ state: AppState) -> StyledLine {
    let counts = state.model.verdictCounts(
      level: state.matrixLevel, shown: state.matrixFilterCache?.shown ?? state.visibleMatrixMask)
    let glyphs = state.glyphs
    return [
      Segment("\(state.matrixLevel.rawValue): "),
      Segment("\(counts[.allowed, default: 0]) \(glyphs.allowed) allowed", .allowed), Segment(" · "),
      Segment("\(counts[.conditional, default: 0]) \(glyphs.conditional) conditional", .conditional),
      Segment(" · "),
      Segment("\(counts[.gap, default: 0]) \(glyphs.gap) gaps", .gap), Segment(" · "),
      Segment("\(counts[.denied, default: 0]) \(glyphs.deniedCell) denied", .denied),
    ] + coverage(state)
  }

  /// `  (3 of 40 columns computed)` when a large snapshot's matrix is filled as it is shown.
  private static func coverage(_ state: AppState) -> StyledLine {
    let counted = state.model.columnsCounted(level: state.matrixLevel)
    guard counted < state.model.targets.count else { return [] }
    return [Segment("  (in the \(counted) of \(state.model.targets.count) columns computed so far)", .dim)]
  }

  private static func cursorLineText(_ state: AppState) -> StyledLine {
    guard let key = state.matrixCellKey else { return [] }
    let cell = state.model.cell(key)
    let glyphs = state.glyphs
    var line: StyledLine = [
      Segment(state.model.label(ofPrincipal: key.principal)), Segment(" \(glyphs.arrow) \(key.target.uri)  "),
      Segment("\(glyphs.glyph(cell.verdict)) \(cell.verdict.word)", .of(cell.verdict)),
    ]
    if let note = cell.note { line.append(Segment("  \(note)", .dim)) }
    line.append(Segment(glyphs.plain("  ⏎ paths"), .dim))
    return line
  }

}
