/// The `?` help, generated from the key table: this view's keys first, then the global ones.
enum HelpText {
  static func lines(for scope: KeyScope, glyphs: GlyphSet) -> [StyledLine] {
    var lines: [StyledLine] = [
      [Segment("trustwalk is read-only: it never changes anything in AWS.", .message)],
      [
        Segment(
          "Verdicts: \(glyphs.allowed) allowed  \(glyphs.conditional) conditional  \(glyphs.denied) \(glyphs.deniedCell) denied"
            + "  \(glyphs.gap) gap (could not decide)", .dim)
      ],
    ]
    let scopes = scope == .global ? [KeyScope.global] : [scope, .global]
    for section in scopes {
      lines.append([])
      lines.append([Segment(section.rawValue, .heading)])
      for binding in KeyMap.bindings where binding.scope == section {
        lines.append([
          TextLayout.padded("  " + glyphs.plain(binding.label), 16, .key),
          Segment(glyphs.plain(binding.help)),
        ])
      }
    }
    lines.append([])
    lines.append([Segment("?, Esc or q closes this help; j/k scroll.", .dim)])
    return lines
  }
}
