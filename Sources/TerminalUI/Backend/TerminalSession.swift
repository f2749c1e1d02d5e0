import CNcurses
import Foundation

/// The ncurses screen: checks the terminal, starts curses in the verified order, draws buffers,
/// reads keys and always restores the terminal. Used on one thread only (deliberately not Sendable).
final class TerminalSession {
  private let screen: OpaquePointer
  private let window: UnsafeMutablePointer<WINDOW>
  private let palette: Palette
  /// Whether the terminal shows UTF-8 (otherwise the ASCII glyphs must be used).
  let isUTF8: Bool
  private var isOpen = true

  /// Fails with a one-line reason before touching the screen when the terminal is unusable.
  static func checkTerminal(type: String?) throws {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw TerminalUnavailable(
        "stdin/stdout is not a terminal; trustwalk browse needs an interactive terminal (try who-can or gaps)"
      )
    }
    guard let type, !type.isEmpty else {
      throw TerminalUnavailable(
        "TERM is not set; trustwalk browse needs a terminal type such as xterm-256color")
    }
    guard type != "dumb" else {
      throw TerminalUnavailable(
        "TERM=dumb cannot show the browser; use a full-screen terminal or who-can/gaps")
    }
  }

  /// Starts curses (after `checkTerminal`), following the start-up order of the reference.
  init(type: String, wantColor: Bool) throws {
    setlocale(LC_ALL, "")
    if String(cString: nc_codeset()) != "UTF-8" { setlocale(LC_ALL, "C.UTF-8") }
    isUTF8 = String(cString: nc_codeset()) == "UTF-8"
    guard let screen = nc_newterm(nil) else {
      throw TerminalUnavailable(
        "cannot initialise terminal type '\(TerminalText.neutralised(type))' (no terminfo entry)")
    }
    guard nc_has_cursor_addressing() != 0, let window = nc_stdscr() else {
      endwin()
      delscreen(screen)
      throw TerminalUnavailable("terminal type '\(TerminalText.neutralised(type))' cannot address the cursor")
    }
    self.screen = screen
    self.window = window
    signal(SIGINT) { _ in
      endwin()
      _exit(130)
    }
    signal(SIGTERM) { _ in
      endwin()
      _exit(143)
    }
    cbreak()
    noecho()
    keypad(window, true)
    curs_set(0)
    set_escdelay(25)
    palette = Palette(wantColor: wantColor)
  }

  deinit { close() }

  /// Restores the terminal (idempotent).
  func close() {
    guard isOpen else { return }
    isOpen = false
    endwin()
    delscreen(screen)
  }

  /// The current terminal size.
  var size: ScreenSize { ScreenSize(columns: Int(nc_cols()), rows: Int(nc_lines())) }

  /// Draws a rendered buffer, one run of equally styled cells at a time.
  func draw(_ buffer: ScreenBuffer) {
    let columns = min(buffer.size.columns, Int(nc_cols()))
    for (y, row) in buffer.rows.prefix(Int(nc_lines())).enumerated() {
      var x = 0
      let cells = Array(row.prefix(columns))
      while x < cells.count {
        let first = cells[x]
        var run = ""
        var end = x
        while end < cells.count, cells[end].style == first.style, cells[end].isSelected == first.isSelected {
          if !cells[end].isContinuation { run.append(cells[end].character) }
          end += 1
        }
        let look = palette.attributes(first.style, selected: first.isSelected)
        nc_set_attributes(window, look.attributes, look.pair)
        mvwaddstr(window, Int32(y), Int32(x), run)
        x = end
      }
    }
    nc_set_attributes(window, nc_a_normal(), 0)
    wrefresh(window)
  }

  /// Waits for the next key; `nil` when the terminal is gone (a blocking read failed).
  func readKey() -> Key? {
    while true {
      var code: wint_t = 0
      let status = wget_wch(window, &code)
      if status == ERR { return nil }
      if let key = KeyDecoder.key(status: status, code: UInt32(code), size: { self.size }) { return key }
    }
  }

  /// Asks the terminal to put `text` on the clipboard (OSC 52; tmux and most terminals honour it).
  func copyToClipboard(_ text: String) {
    nc_write_raw(ClipboardSequence.osc52(text))
  }
}
