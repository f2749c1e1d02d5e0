import Foundation
import Testing

@testable import Export

@Suite struct DotQuotingTests {
  @Test func identifiersEscapeQuotesBackslashesAndInvisibleCharacters() {
    #expect(DotQuoting.identifier("plain") == "\"plain\"")
    #expect(DotQuoting.identifier("a\"b") == "\"a\\\"b\"")
    #expect(DotQuoting.identifier("a\\") == "\"a\\\\\"")
    #expect(DotQuoting.identifier("a\nb") == "\"a\\u{A}b\"")
    #expect(DotQuoting.identifier("a\u{202E}b") == "\"a\\u{202E}b\"")
    #expect(DotQuoting.identifier("café ü 東京") == "\"café ü 東京\"")
  }

  @Test func identifierEscapingIsInjective() {
    let tricky = ["a\n", "a\\u{A}", "a\\n", "a\\\n", "a\"", "a\\\"", "a\\", "a\\\\", "a\u{7}", "a\\u{7}"]
    #expect(Set(tricky.map(DotQuoting.identifier)).count == tricky.count)
  }

  @Test func labelsKeepTextLiteralAndBreakLinesOnNewlines() {
    #expect(DotQuoting.label(["a\\N"]) == "\"a\\\\N\"")
    #expect(DotQuoting.label(["x & y &amp;"]) == "\"x &amp; y &amp;amp;\"")
    #expect(DotQuoting.label(["one\ntwo\r\nthree\rfour"]) == "\"one\\ntwo\\nthree\\nfour\"")
    #expect(DotQuoting.label(["bell\u{7}"]) == "\"bell\\\\u{7}\"")
    #expect(DotQuoting.label(["say \"hi\""]) == "\"say \\\"hi\\\"\"")
    #expect(DotQuoting.label(["a", "b"]) == "\"a\\nb\"")
  }

  @Test func longLabelLinesAreShortened() {
    let long = String(repeating: "x", count: 200)
    let label = DotQuoting.label([long])
    #expect(label.count == DotQuoting.maximumLabelLineLength + 2)
    #expect(label.hasSuffix("…\""))
    #expect(DotQuoting.label([long], truncating: false).count == 202)
  }

  /// Names as hostile as a policy can carry: Graphviz must parse the file and show the text.
  @Test func hostileNamesStillGiveValidDot() throws {
    let names = [
      "arn:aws:iam::111111111111:role/quote\"role", "back\\slash\\", "new\nline", "tab\tand\u{0}nul",
      "} digraph x { ", "-> \"evil\" [label=x]", "ünïcödé 東京 🚀", "&lt;b&gt;", "\u{202E}reversed",
      "\\N \\G \\L", "<html>", "semi;colon", "",
    ]
    var model = DiagramModel(title: "hostile \"title\" \\ \n second line", includesLegend: false)
    model.clusters = [DiagramCluster(id: "c\"}\n", label: "cluster \"}\n", kind: .account)]
    for (index, name) in names.enumerated() {
      model.nodes.append(
        DiagramNode(id: name, label: name, kind: .role, clusterId: index % 2 == 0 ? "c\"}\n" : nil))
      if index > 0 {
        model.edges.append(
          DiagramEdge(from: names[index - 1], to: name, kind: .assumeRole, annotations: [name]))
      }
    }
    let dot = DotWriter.write(model)
    // No raw control character (other than the line ends) reaches the file.
    #expect(!dot.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    // Every line holds an even number of unescaped quotes: no string runs across lines.
    for line in dot.split(separator: "\n") {
      var quotes = 0
      var escaped = false
      for character in line.unicodeScalars {
        if escaped {
          escaped = false
        } else if character == "\\" {
          escaped = true
        } else if character == "\"" {
          quotes += 1
        }
      }
      #expect(quotes % 2 == 0, "\(line)")
    }
    guard GraphvizCheck.executable != nil else { return }
    let result = try GraphvizCheck.svg(dot)
    #expect(result.status == 0, "\(result.errors)")
    // One node per name: the SVG lists every node as a <g class="node">.
    let drawn = result.svg.components(separatedBy: "class=\"node\"").count - 1
    #expect(drawn == names.count)
    #expect(result.svg.contains("東京"))
    #expect(result.svg.contains("\\N \\G \\L"))
  }
}
