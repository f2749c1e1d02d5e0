import CNcurses

/// Maps styles to ncurses attributes and colour pairs; without colour, to attributes only, so every
/// verdict stays distinguishable (bold, underline, dim, reverse) next to its glyph.
struct Palette {
  private let useColor: Bool

  private enum Pair: Int16, CaseIterable {
    case green = 1, yellow, magenta, red, cyan

    var foreground: Int16 {
      switch self {
      case .green: Int16(COLOR_GREEN)
      case .yellow: Int16(COLOR_YELLOW)
      case .magenta: Int16(COLOR_MAGENTA)
      case .red: Int16(COLOR_RED)
      case .cyan: Int16(COLOR_CYAN)
      }
    }
  }

  /// Sets up colour pairs on the user's own background when colour is wanted and available.
  init(wantColor: Bool) {
    useColor = wantColor && has_colors()
    guard useColor else { return }
    start_color()
    use_default_colors()
    for pair in Pair.allCases { init_pair(pair.rawValue, pair.foreground, -1) }
  }

  /// The attributes and colour pair for a cell.
  func attributes(_ style: Style, selected: Bool) -> (attributes: attr_t, pair: Int16) {
    let (color, mono) = look(style)
    let base = useColor ? color.attributes : mono
    let pair = useColor ? color.pair?.rawValue ?? 0 : 0
    return (selected ? base | nc_a_reverse() : base, pair)
  }

  private func look(_ style: Style) -> (color: (attributes: attr_t, pair: Pair?), mono: attr_t) {
    switch style {
    case .normal, .border: ((nc_a_normal(), nil), nc_a_normal())
    case .dim, .denied: ((nc_a_dim(), nil), nc_a_dim())
    case .heading: ((nc_a_bold(), nil), nc_a_bold())
    case .focusedBorder, .key: ((nc_a_bold(), .cyan), nc_a_bold())
    case .allowed: ((nc_a_bold(), .green), nc_a_bold())
    case .conditional: ((nc_a_normal(), .yellow), nc_a_underline())
    case .gap: ((nc_a_bold(), .magenta), nc_a_reverse())
    case .finding: ((nc_a_bold(), .red), nc_a_bold() | nc_a_underline())
    case .message: ((nc_a_bold(), .yellow), nc_a_bold())
    case .filter: ((nc_a_underline(), .yellow), nc_a_underline())
    }
  }
}
