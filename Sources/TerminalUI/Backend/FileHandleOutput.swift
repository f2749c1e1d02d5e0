import Foundation

/// Writes to standard error (the loading message, before curses owns the screen).
enum FileHandleOutput {
  /// Writes one line, neutralised.
  static func writeErrorLine(_ text: String) {
    FileHandle.standardError.write(Data((TerminalText.neutralised(text) + "\n").utf8))
  }
}
