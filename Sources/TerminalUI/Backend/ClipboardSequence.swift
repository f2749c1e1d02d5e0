import Foundation

/// The OSC 52 escape sequence that asks the terminal (or tmux) to put text on the clipboard.
enum ClipboardSequence {
  static func osc52(_ text: String) -> String {
    "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
  }
}
