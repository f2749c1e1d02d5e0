/// Runs the browser on the terminal: checks it, shows progress while loading, then loops
/// key → `reduce` → `render` → draw until `q` (Ctrl-C exits from the signal handler, also restoring
/// the terminal).
public enum TerminalBrowser {
  /// - Parameters:
  ///   - load: builds the model (called once, before the first frame, after the loading message).
  ///   - reload: builds it again for `r`.
  ///   - export: writes an export request somewhere and returns where (shown to the user).
  public static func run(
    options: BrowserOptions, load: () throws -> BrowserModel, reload: () throws -> BrowserModel,
    export: (ExportRequest) throws -> String
  ) throws {
    try TerminalSession.checkTerminal(type: options.terminalType)
    FileHandleOutput.writeErrorLine(options.loadingMessage)
    let model = try load()
    let session = try TerminalSession(type: options.terminalType ?? "", wantColor: options.useColor)
    defer { session.close() }
    let glyphs: GlyphSet = options.asciiOnly || !session.isUTF8 ? .ascii : .unicode
    var state = AppState(model: model, size: session.size, glyphs: glyphs)
    session.draw(render(state, size: state.size))
    while let key = session.readKey() {
      let previous = state
      state = reduce(state, key)
      if state.model.accessSource != nil, state.screens != previous.screens {
        var notice = previous
        notice.flash = "computing (a large snapshot: this can take a while)…"
        session.draw(render(notice, size: notice.size))
      }
      if let command = state.pendingCommand {
        if command == .quit { return }
        perform(command, on: &state, session: session, reload: reload, export: export)
      }
      session.draw(render(state, size: state.size))
    }
  }

  private static func perform(
    _ command: AppCommand, on state: inout AppState, session: TerminalSession,
    reload: () throws -> BrowserModel,
    export: (ExportRequest) throws -> String
  ) {
    switch command {
    case .quit:
      return
    case .copy(let text):
      session.copyToClipboard(text)
      state.commandDone(message: "copied \(text)")
    case .export(var request):
      request.text = ExportText.text(for: state)
      do {
        state.commandDone(message: "exported to \(try export(request))")
      } catch {
        state.commandDone(message: "export failed: \(error)")
      }
    case .reload:
      do {
        state.replaceModel(try reload())
        state.commandDone(message: "reloaded \(state.model.source)")
      } catch {
        state.commandDone(message: "reload failed: \(error)")
      }
    }
  }
}
