/// Collects the diagnostics of one policy document, placing each at its line and column.
///
/// When the policy text was embedded in a JSON string of a file (`source.embeddedAt`), a position
/// inside the policy text is not a position in the file: the diagnostic is then placed at the
/// string, and the message names the line and column inside the policy text.
struct DiagnosticReporter {
  /// The document's source; `embeddedAt` is set once the text turns out to be wrapped.
  var source: PolicySource
  private(set) var diagnostics: [Diagnostic] = []

  init(source: PolicySource) {
    self.source = source
  }

  /// Reports a problem at `offset` of the policy text (`lines` indexes that text).
  mutating func report(
    _ severity: Diagnostic.Severity, at offset: Int, lines: LineIndex?, pointer: String, _ message: String
  ) {
    let inner = lines?.location(of: offset)
    var text = message
    var location = inner
    if let embeddedAt = source.embeddedAt {
      location = embeddedAt
      if let inner { text += " (policy text \(inner))" }
    }
    diagnostics.append(
      Diagnostic(
        severity, file: source.file ?? source.name, location: location,
        pointer: (source.pointer ?? "") + pointer, message: text))
  }
}
