import PolicyLanguage

/// Collects the problems and unknown files met while reading one part of a snapshot.
///
/// Each account is read by one thread with its own log; the logs are merged in a stable order.
final class LoadLog {
  private(set) var diagnostics: [Diagnostic] = []
  private(set) var unknownFiles: [String] = []

  func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  func add(contentsOf more: [Diagnostic]) { diagnostics.append(contentsOf: more) }

  func error(_ file: String, _ message: String, at location: SourceLocation? = nil, pointer: String? = nil) {
    diagnostics.append(Diagnostic(.error, file: file, location: location, pointer: pointer, message: message))
  }

  func warning(_ file: String, _ message: String, at location: SourceLocation? = nil, pointer: String? = nil)
  {
    diagnostics.append(
      Diagnostic(.warning, file: file, location: location, pointer: pointer, message: message))
  }

  /// Records a file or folder (`path/`) that is not part of the layout.
  func unknown(_ path: String) { unknownFiles.append(path) }
}
