import PolicyLanguage

/// One JSON file of a snapshot, parsed, with the line index that locates its values.
///
/// A class: every `JSONField` refers to its file, and one reference is cheaper to copy than three.
final class JSONFile {
  /// The path as the user would type it (the snapshot path given, joined with the path inside it).
  let path: String
  let root: JSONNode
  let lines: LineIndex

  init(path: String, root: JSONNode, lines: LineIndex) {
    self.path = path
    self.root = root
    self.lines = lines
  }

  /// The whole document as a field at pointer "".
  var top: JSONField { JSONField(node: root, pointer: "", file: self) }

  /// Largest file read, except `get-account-authorization-details`: a generous bound on what any
  /// other command prints, so that a stray huge file cannot exhaust memory.
  static let defaultSizeLimit = 64 * 1_000_000
  /// Largest `get-account-authorization-details` file read (accounts with tens of thousands of roles
  /// produce a few hundred MB).
  static let authorizationDetailsSizeLimit = 1_000 * 1_000_000

  /// Reads and parses the file at `fullPath`; nil (with the problem in `log`) when it cannot be read
  /// or is not JSON.
  static func read(_ fullPath: String, shownAs path: String, limit: Int = defaultSizeLimit, log: LoadLog)
    -> JSONFile?
  {
    let bytes: [UInt8]
    do {
      bytes = try FileSystem.readFile(fullPath, limit: limit)
    } catch {
      log.error(path, "the file \(error.message)")
      return nil
    }
    if let encoding = unicodeEncodingOtherThanUTF8(bytes) {
      log.error(
        path, "the file is \(encoding) text; JSON files must be UTF-8", at: SourceLocation(line: 1, column: 1)
      )
      return nil
    }
    let lines = LineIndex(bytes)
    do {
      let root = try JSONReader.parse(bytes)
      return JSONFile(path: path, root: root, lines: lines)
    } catch {
      log.error(path, "not valid JSON: \(error.message)", at: lines.location(of: error.offset))
      return nil
    }
  }

  /// Recognises UTF-16 and UTF-32 by their byte-order mark or by zero bytes among the first ones.
  private static func unicodeEncodingOtherThanUTF8(_ bytes: [UInt8]) -> String? {
    if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF { return "UTF-32" }
    if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 { return "UTF-32" }
    if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
      return "UTF-16"
    }
    if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 { return "UTF-16" }
    return nil
  }
}
