/// The text `e` exports: the whole path document in the path view, the rendered screen elsewhere.
enum ExportText {
  static func text(for state: AppState) -> String {
    if case .paths(let key) = state.screen {
      let document = PathDocument(state: state, key: key, width: 120)
      return document.lines.map { line in line.map(\.text).joined() }.joined(separator: "\n") + "\n"
    }
    return render(state, size: state.size).text + "\n"
  }
}
