/// Turns any text into a DOT quoted string that Graphviz reads back exactly.
///
/// Inside DOT quotes only `\"` is an escape for the parser, but labels are Graphviz *escStrings*: `\\`,
/// `\n`, `\l`, `\r`, `\N`, `\G` … have meanings and `&name;` entities are decoded. So identifiers and
/// labels are escaped differently:
/// - identifiers must stay distinct (the mapping is injective) and on one line;
/// - labels must show the text as written: backslashes and ampersands literal, line breaks kept, and
///   invisible characters (controls, bidi overrides) shown as `\u{…}` so a name cannot hide or reorder text.
enum DotQuoting {
  /// Longest label line drawn; longer lines end in `…` (the full text is in the tooltip).
  static let maximumLabelLineLength = 80

  /// `"…"` for a node, cluster or graph identifier.
  static func identifier(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      default:
        // A lone backslash followed by `u` never comes from the two cases above: the mapping stays
        // injective.
        if isInvisible(scalar) {
          result += "\\u{\(hex(scalar))}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }

  /// `"…"` for a label or tooltip made of `lines`, each shown on its own centred line (or, with
  /// `leftAligned`, each ended by `\l` so that Graphviz aligns it left).
  static func label(_ lines: [String], truncating: Bool = true, leftAligned: Bool = false) -> String {
    let escaped = lines.flatMap(splitLines).map { line in
      escapeLabelLine(truncating ? truncated(line) : line)
    }
    if leftAligned { return "\"" + escaped.map { $0 + "\\l" }.joined() + "\"" }
    return "\"" + escaped.joined(separator: "\\n") + "\""
  }

  /// One line of a label, escaped for an escString.
  private static func escapeLabelLine(_ line: String) -> String {
    var result = ""
    for scalar in line.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "&": result += "&amp;"
      default:
        if isInvisible(scalar) {
          result += "\\\\u{\(hex(scalar))}"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// Splits at every line break (LF, CR, CR LF, U+2028, …): a newline in a name becomes a line break.
  private static func splitLines(_ text: String) -> [String] {
    text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
  }

  private static func truncated(_ line: String) -> String {
    let scalars = line.unicodeScalars
    guard scalars.count > maximumLabelLineLength else { return line }
    let kept = scalars.prefix(maximumLabelLineLength - 1)
    return String(String.UnicodeScalarView(kept)) + "…"
  }

  /// Controls (C0, DEL, C1), line/paragraph separators and format characters such as bidi overrides.
  private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
      return true
    default:
      return false
    }
  }

  private static func hex(_ scalar: Unicode.Scalar) -> String {
    String(scalar.value, radix: 16, uppercase: true)
  }
}
