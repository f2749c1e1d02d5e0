/// The path view's content for one question, as lines: for a denied pair the explanation first
/// (both sides side by side when wide enough), then the chains hop by hop with their deciding statements.
struct PathDocument {
  let lines: [StyledLine]

  /// Below this width the two sides of an explanation are stacked rather than side by side.
  static let sideBySideWidth = 100

  init(state: AppState, key: CellKey, width: Int) {
    let model = state.model
    let glyphs = state.glyphs
    var lines: [StyledLine] = []
    let cell = model.cell(key)
    let principal = model.principal(key.principal)
    lines.append([
      Segment(principal?.label ?? key.principal, .heading),
      Segment(" (\(principal?.accountID ?? "unknown account"))", .dim),
      Segment(" \(glyphs.arrow) \(key.level.rawValue) \(glyphs.arrow) "), Segment(key.target.uri, .heading),
    ])
    let report = model.path(key)
    let verdict = report?.verdict ?? cell.verdict
    var summary: StyledLine = [Segment("\(glyphs.glyph(verdict)) \(verdict.word)", Style.of(verdict))]
    if let report {
      summary.append(Segment("  \(report.chains.count) chain\(report.chains.count == 1 ? "" : "s")", .dim))
    }
    if let note = cell.note { summary.append(Segment("  \(note)", .dim)) }
    lines.append(summary)
    guard let report else {
      lines.append([])
      lines.append([
        Segment(
          verdict == .denied
            ? "No chain reaches this target: no statement on any path allows it."
            : "The snapshot gives no chain details for this answer.", .dim)
      ])
      self.lines = lines
      return
    }
    // A denied pair answers "why not" first: the chains it considered follow.
    if let explanation = report.explanation {
      lines.append([])
      lines += Self.explanationLines(explanation, report: report, glyphs: glyphs, width: width)
    }
    for (index, chain) in report.chains.enumerated() {
      lines.append([])
      lines += Self.chainLines(chain, number: index + 1, glyphs: glyphs, width: width)
    }
    self.lines = lines
  }

  private static func chainLines(_ chain: AccessChain, number: Int, glyphs: GlyphSet, width: Int)
    -> [StyledLine]
  {
    let route = ([chain.hops.first?.from ?? ""] + chain.hops.map(\.to)).joined(separator: " \(glyphs.arrow) ")
    var lines: [StyledLine] = [
      [
        Segment("Chain \(number)  ", .heading),
        Segment("\(glyphs.glyph(chain.verdict)) \(chain.verdict.rawValue)", .of(chain.verdict)),
        Segment("  \(route)"),
      ]
    ]
    for (index, hop) in chain.hops.enumerated() {
      lines.append([
        Segment("  \(Self.hopNumber(index, of: chain.hops.count)) "),
        Segment(String(glyphs.glyph(hop.verdict)), .of(hop.verdict)),
        Segment(" \(hop.from) "), Segment(hop.action, .heading), Segment(" \(glyphs.arrow) \(hop.to)"),
      ])
      for statement in hop.statements { lines += statementLines(statement, indent: 6, width: width) }
    }
    return lines
  }

  /// A statement: effect, policy and Sid (wrapped); then its summary and conditions, and its location, dimmed.
  static func statementLines(_ statement: DecidingStatement, indent: Int, width: Int) -> [StyledLine] {
    let pad = String(repeating: " ", count: indent)
    let effect = statement.effect?.rawValue ?? "No Allow"
    let effectStyle: Style =
      switch statement.effect {
      case .allow: .allowed
      case .deny: .finding
      case nil: .denied
      }
    let header = statement.policy + (statement.sid.map { " Sid \($0)" } ?? "")
    let headerLines = TextLayout.wrapped(header, width: width - indent - effect.count - 1)
    var lines: [StyledLine] = headerLines.enumerated().map { index, text in
      index == 0
        ? [Segment(pad), Segment(effect, effectStyle), Segment(" " + text)]
        : [Segment(pad + String(repeating: " ", count: effect.count + 1) + text)]
    }
    let details = (statement.summary.map { [$0] } ?? []) + statement.conditions.map { "condition: \($0)" }
    for detail in details {
      for text in TextLayout.wrapped(detail, width: width - indent - 2, indent: 2) {
        lines.append([Segment(pad + "  " + text, .dim)])
      }
    }
    if let location = statement.location { lines.append([Segment(pad + "  at " + location, .dim)]) }
    return lines
  }

  private static func explanationLines(
    _ explanation: DenialExplanation, report: PathReport, glyphs: GlyphSet,
    width: Int
  ) -> [StyledLine] {
    var lines: [StyledLine] = [[Segment("Why not allowed", .heading)]]
    if report.chains.indices.contains(explanation.chainIndex),
      report.chains[explanation.chainIndex].hops.indices.contains(explanation.hopIndex)
    {
      let hop = report.chains[explanation.chainIndex].hops[explanation.hopIndex]
      lines.append([
        Segment(
          "  fails at hop \(Self.hopNumber(explanation.hopIndex, of: report.chains[explanation.chainIndex].hops.count)): "
        ),
        Segment(String(glyphs.glyph(hop.verdict)), .of(hop.verdict)),
        Segment(" \(hop.from) \(hop.action) \(glyphs.arrow) \(hop.to)"),
      ])
    }
    lines.append([Segment("  layer: "), Segment(explanation.layer, .heading)])
    for text in TextLayout.wrapped(explanation.summary, width: width - 4, indent: 2) {
      lines.append([Segment("  " + text)])
    }
    lines.append([])
    let sides = [explanation.callerSide, explanation.resourceSide]
    if width >= sideBySideWidth {
      let column = (width - 3) / 2
      let blocks = sides.map { sideLines($0, width: column) }
      lines += TextLayout.sideBySide(blocks[0], blocks[1], columnWidth: column, divider: glyphs.vertical)
    } else {
      for side in sides { lines += sideLines(side, width: width) + [[]] }
    }
    lines.append([])
    lines.append([Segment("What to change", .heading)])
    for fix in explanation.fix {
      for (index, text) in TextLayout.wrapped(fix, width: width - 6, indent: 2).enumerated() {
        lines.append([Segment(index == 0 ? "  \(glyphs.marker) " : "  "), Segment(text)])
      }
    }
    return lines
  }

  private static func sideLines(_ side: PolicySide, width: Int) -> [StyledLine] {
    var lines: [StyledLine] = [[Segment(side.title, .heading)]]
    for text in TextLayout.wrapped(side.verdictLine, width: width - 2, indent: 2) {
      lines.append([Segment("  " + text)])
    }
    for statement in side.statements { lines += statementLines(statement, indent: 2, width: width) }
    return lines
  }

  /// A hop's number as `explain` and the JSON contracts give it: the assume-role hops 1, 2, … and
  /// the final request on the target 0.
  static func hopNumber(_ index: Int, of count: Int) -> Int { index == count - 1 ? 0 : index + 1 }
}
