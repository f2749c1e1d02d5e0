/// The detail strip of the browse view: what the focused pane's selection is, with counts.
enum BrowseDetails {
  static func lines(_ state: AppState) -> [StyledLine] {
    let glyphs = state.glyphs
    switch state.browseFocus {
    case .accounts:
      guard let account = state.selectedAccount else { return [[Segment("No accounts.", .dim)]] }
      let ou =
        account.ouPath.isEmpty
        ? "no organization data" : account.ouPath.joined(separator: " \(glyphs.separator) ")
      return [
        [
          Segment("Account ", .dim), Segment(account.id, .heading),
          Segment(account.alias.map { "  alias \($0)" } ?? ""),
        ],
        [Segment("OU ", .dim), Segment(ou)],
        [
          Segment(
            "\(state.model.principals(inAccount: account.id).count) principals · "
              + "\(state.model.buckets(inAccount: account.id).count) buckets"),
          Segment("   \(glyphs.plain("⏎")) principals", .dim),
        ],
      ]
    case .principals:
      guard let principal = state.element(state.visiblePrincipals, at: state.cursor(.principals)) else {
        return [[Segment("No principal selected.", .dim)]]
      }
      return [
        [Segment(principal.arn, .heading)],
        [
          Segment("\(principal.kind.rawValue) in \(principal.accountID)", .dim),
          Segment("   \(glyphs.plain("⏎")) can-what", .dim),
        ],
        levelCounts(state, state.model.knownCanWhat(principal.arn)),
      ] + state.model.details(of: principal).map { [Segment($0)] }
    case .resources:
      guard let target = state.element(state.visibleTargets, at: state.cursor(.resources)) else {
        return [[Segment("No bucket selected.", .dim)]]
      }
      let bucket = state.model.bucket(target.bucket)
      let owner = bucket.flatMap { state.model.account($0.accountID) }?.displayName ?? "unknown account"
      return [
        [Segment(target.uri, .heading), Segment("  bucket in \(owner)", .dim)],
        levelCounts(state, state.model.knownWhoCan(target)) + [
          Segment("   \(glyphs.plain("⏎")) who-can", .dim)
        ],
      ] + (bucket?.details ?? []).map { [Segment($0)] }
    }
  }

  /// `write 2✓ 1◐  read 0 …`: how many of `questions` (who-can or can-what rows) each level has, by
  /// verdict; nil questions (not computed yet in a large snapshot) say so instead.
  private static func levelCounts(_ state: AppState, _ questions: [CellKey]?) -> StyledLine {
    guard let questions else { return [Segment("access not computed yet: Enter computes it", .dim)] }
    return AccessLevel.allCases.flatMap { level -> StyledLine in
      let verdicts = questions.filter { $0.level == level }.map { state.model.cell($0).verdict }
      var line: StyledLine = [Segment(level.rawValue + " ")]
      for verdict in [Verdict.allowed, .conditional, .gap] {
        let count = verdicts.filter { $0 == verdict }.count
        if count > 0 { line.append(Segment("\(count)\(state.glyphs.glyph(verdict))", .of(verdict))) }
      }
      if line.count == 1 { line.append(Segment("0", .dim)) }
      return line + [Segment("  ")]
    }
  }
}
