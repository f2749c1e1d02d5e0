/// The who-can list of a bucket/prefix and the can-what list of a principal: one row per
/// (principal or target, level) with its verdict and the roles passed through; Enter opens paths.
enum QuestionListScreen {
  static func draw(_ state: AppState, list id: ListID, in body: Rect, on buffer: inout ScreenBuffer) {
    let glyphs = state.glyphs
    let model = state.model
    let questions = state.visibleQuestions(id)
    let isWhoCan: Bool
    let title: String
    switch id {
    case .whoCan(let target):
      isWhoCan = true
      title = "Who can access \(target.uri)"
    case .canWhat(let principal):
      isWhoCan = false
      title = "What \(model.label(ofPrincipal: principal)) can access"
    default:
      return
    }
    let nameWidth = min(48, max(20, body.width * 2 / 5))
    let row: (Int) -> StyledLine = { index in
      let key = questions[index]
      let cell = model.cell(key)
      let name = isWhoCan ? model.label(ofPrincipal: key.principal) : key.target.uri
      var line: StyledLine = [
        Segment("\(glyphs.glyph(cell.verdict)) ", .of(cell.verdict)),
        TextLayout.padded(key.level.rawValue, 12),
        TextLayout.padded(name, nameWidth),
      ]
      if isWhoCan { line.append(Segment((model.principal(key.principal)?.accountID ?? "") + "  ", .dim)) }
      let via = intermediates(model.paths[key], glyphs: glyphs)
      if !via.isEmpty { line.append(Segment("via \(via)", .dim)) }
      if let note = cell.note { line.append(Segment("  \(note)", .dim)) }
      return line
    }
    let detailHeight = body.height >= 14 ? 4 : 0
    let (listArea, detailArea) = body.splitBottom(detailHeight)
    let cursor = state.cursor(id, count: questions.count)
    let footer = questions.isEmpty ? nil : "\(cursor + 1)/\(questions.count)"
    let inside = buffer.drawBox(listArea, title: title, footer: footer, focused: true, glyphs: glyphs)
    buffer.drawList(
      count: questions.count, cursor: cursor, focused: true, in: inside, glyphs: glyphs,
      empty: isWhoCan ? "nobody: no principal in the snapshot has any access here" : "no access anywhere",
      row: row)
    guard detailHeight > 0, let key = state.element(questions, at: cursor) else { return }
    let detail = buffer.drawBox(detailArea, title: "Selected", focused: false, glyphs: glyphs)
    let cell = model.cell(key)
    let route = model.path(key)?.chains.first.map { chain in
      ([chain.hops.first?.from ?? ""] + chain.hops.flatMap { [$0.action, $0.to] }).joined(
        separator: " \(glyphs.arrow) ")
    }
    buffer.write(
      [
        Segment("\(glyphs.glyph(cell.verdict)) \(cell.verdict.word) ", .of(cell.verdict)),
        Segment("\(model.label(ofPrincipal: key.principal)) \(key.level.rawValue) \(key.target.uri)"),
      ], x: detail.x + 1, y: detail.y, width: detail.width - 1)
    buffer.write(
      route ?? "no chain recorded", x: detail.x + 1, y: detail.y + 1, width: detail.width - 1, style: .dim)
  }

  /// The roles a chain passes through between the principal and the target.
  static func intermediates(_ report: PathReport?, glyphs: GlyphSet) -> String {
    guard let hops = report?.chains.first?.hops, hops.count > 1 else { return "" }
    return hops.dropLast().map(\.to).joined(separator: " \(glyphs.arrow) ")
  }
}
