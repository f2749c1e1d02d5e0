/// The findings list, most severe first, with the selected finding's fix below; Enter jumps to
/// the path (or principal, or target) it concerns.
enum GapsScreen {
  static func draw(_ state: AppState, in body: Rect, on buffer: inout ScreenBuffer) {
    let gaps = state.visibleGaps
    let ruleWidth = min(40, (state.model.gaps.isEmpty ? 10 : state.model.longestRuleID) + 2)
    let row: (Int) -> StyledLine = { index in
      let gap = gaps[index]
      return [
        TextLayout.padded(gap.severity.rawValue.uppercased(), 9, style(gap.severity)),
        TextLayout.padded(gap.ruleID, ruleWidth, .dim), Segment(gap.title),
      ]
    }
    let detailHeight = body.height >= 14 ? 6 : 0
    let (listArea, detailArea) = body.splitBottom(detailHeight)
    let cursor = state.cursor(.gaps, count: gaps.count)
    let footer = gaps.isEmpty ? nil : "\(cursor + 1)/\(gaps.count)"
    let inside = buffer.drawBox(
      listArea, title: "Gaps (\(state.model.gaps.count) finding\(state.model.gaps.count == 1 ? "" : "s"))",
      footer: footer,
      focused: true, glyphs: state.glyphs)
    buffer.drawList(
      count: gaps.count, cursor: cursor, focused: true, in: inside, glyphs: state.glyphs,
      empty: "no findings",
      row: row)
    guard detailHeight > 0, let gap = state.element(gaps, at: cursor) else { return }
    let detail = buffer.drawBox(detailArea, title: gap.ruleID, focused: false, glyphs: state.glyphs)
    var lines: [StyledLine] = TextLayout.wrapped(gap.title, width: detail.width - 2).map { [Segment($0)] }
    lines += TextLayout.wrapped("Fix: " + gap.fix, width: detail.width - 2, indent: 5).map {
      [Segment($0, .heading)]
    }
    let concerned = [
      gap.principal.map { state.model.label(ofPrincipal: $0) }, gap.level?.rawValue, gap.target?.uri,
    ]
    .compactMap { $0 }.joined(separator: " ")
    if !concerned.isEmpty { lines.append([Segment(state.glyphs.plain("⏎ ") + concerned, .dim)]) }
    for (row, line) in lines.prefix(detail.height).enumerated() {
      buffer.write([Segment(" ")] + line, x: detail.x, y: detail.y + row, width: detail.width)
    }
  }

  static func style(_ severity: GapSeverity) -> Style {
    switch severity {
    case .critical, .high: .finding
    case .medium: .conditional
    case .low, .info: .dim
    }
  }
}
