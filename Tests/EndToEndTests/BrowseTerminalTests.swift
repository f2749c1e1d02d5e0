import Foundation
import Testing

/// The real binary in a real terminal (tmux): what a user sees and types. Every wait names all the
/// text asserted, since a capture can catch a frame half drawn.
@Suite(.enabled(if: BrowseTmux.isAvailable, "tmux is not installed"))
struct BrowseTerminalTests {
  @Test func startsOnTheDefaultSampleDataWithBreadcrumbAndAccounts() throws {
    let tmux = try BrowseTmux()
    let start = tmux.wait(forAll: [
      "trustwalk › SampleData/upload-only-prefixes › Browse", "111111111111 account-a", "bobbytables",
      "? help",
    ])
    #expect(start.ok, "\(start.screen)")
  }

  /// The issue's "done when": who can write to s3://account-b-bucket/foo/, the chain user → role →
  /// bucket, why nobody can read it, and a clean exit.
  @Test func aNewcomerFindsTheWritersTheChainAndWhyNobodyReads() throws {
    let tmux = try BrowseTmux()
    tmux.wait(for: "q quit")
    tmux.send("2", "Right", "Right")
    let matrix = tmux.wait(forAll: [
      "Matrix (write)", "user/bobbytables → s3://account-b-bucket/foo/  ✓ ALLOWED",
    ])
    #expect(matrix.ok, "\(matrix.screen)")
    let row = matrix.screen.split(separator: "\n").first { $0.contains("user/bobbytables") } ?? ""
    #expect(row.filter { $0 == "✓" }.count == 3, "write glyphs on (all), fighters/ and foo/: \(row)")
    tmux.send("Enter")
    let chain = tmux.wait(forAll: [
      "Chain 1", "user/bobbytables → role/account-a-s3-role → s3://account-b-bucket/foo/", "AssumeUploadRole",
      "UploadFooAndFighters", "AllowAccountARoleUploads",
    ])
    #expect(chain.ok, "\(chain.screen)")
    tmux.send("Escape", "r")
    let read = tmux.wait(forAll: [
      "Matrix (read)", "0 ✓ allowed", "user/bobbytables → s3://account-b-bucket/foo/  ✗ DENIED",
    ])
    #expect(read.ok, "\(read.screen)")
    tmux.send("Enter")
    let explain = tmux.wait(forAll: [
      "Why not allowed", "layer: identity policy and bucket policy", "Caller 111111111111",
      "Owner 222222222222",
      "What to change", "bucket owner 222222222222 must allow",
    ])
    #expect(explain.ok, "\(explain.screen)")
    tmux.send("q")
    #expect(tmux.exitStatus() == 0)
  }

  @Test func navigatesFromABucketPrefixToWhoCanToTheChain() throws {
    let tmux = try BrowseTmux()
    tmux.wait(for: "q quit")
    tmux.send("j")
    #expect(tmux.wait(forAll: ["Buckets of 222222222222", "fighters/"]).ok)
    tmux.send("Tab", "Tab", "j", "j")
    #expect(tmux.wait(for: "› s3://account-b-bucket/foo/").ok, "the breadcrumb names the selected prefix")
    tmux.send("Enter")
    let whoCan = tmux.wait(forAll: [
      "Who can access s3://account-b-bucket/foo/", "user/bobbytables", "1/10", "✗ read",
    ])
    #expect(whoCan.ok, "\(whoCan.screen)")
    tmux.send("j", "Enter")
    let paths = tmux.wait(forAll: [
      "Chain 1", "user/bobbytables → role/account-a-s3-role → s3://account-b-bucket/foo/",
      "AllowAccountARoleUploads",
    ])
    #expect(paths.ok, "\(paths.screen)")
    tmux.send("Escape")
    #expect(tmux.wait(for: "Who can access").ok)
  }

  @Test func filtersLiveAndShowsTheFilterInTheBreadcrumb() throws {
    let tmux = try BrowseTmux()
    tmux.wait(for: "q quit")
    tmux.send("2", "/", "b", "o", "b")
    let filtered = tmux.wait {
      $0.contains("[/bob]") && $0.contains("user/bobbytables") && !$0.contains("role/account-a-s3-role ")
    }
    #expect(filtered.ok, "\(filtered.screen)")
    tmux.send("Enter", "Escape")
    #expect(tmux.wait { !$0.contains("[/bob]") && $0.contains("role/account-a-s3-role") }.ok)
  }

  @Test func helpOpensFromTheKeyTableAndCloses() throws {
    let tmux = try BrowseTmux()
    tmux.wait(for: "q quit")
    tmux.send("?")
    let help = tmux.wait(forAll: ["Help: Browse", "read-only", "next pane", "move down"])
    #expect(help.ok, "\(help.screen)")
    tmux.send("Escape")
    #expect(tmux.wait { !$0.contains("Help: Browse") && $0.contains("Details") }.ok)
  }

  @Test func matrixShowsGlyphsInColour() throws {
    let tmux = try BrowseTmux()
    tmux.wait(for: "q quit")
    tmux.send("2")
    let matrix = tmux.wait(forAll: ["6 ✓ allowed", "fighters/", "role/account-a-s3-role"])
    #expect(matrix.ok, "\(matrix.screen)")
    let colored = tmux.wait(escapes: true) { $0.contains("32m✓") }
    #expect(colored.ok, "allowed cells are green: \(colored.screen.debugDescription)")
    tmux.send("r")
    #expect(tmux.wait(forAll: ["0 ✓ allowed", "6 · denied"]).ok, "nobody can read")
    tmux.send("Right", "Enter")
    let explain = tmux.wait(forAll: [
      "Why not allowed", "Caller 111111111111", "Owner 222222222222", "What to change",
    ])
    #expect(explain.ok, "both sides at 120 columns: \(explain.screen)")
  }

  @Test func collapsesToOnePaneWhenNarrowAndBack() throws {
    let tmux = try BrowseTmux()
    tmux.wait(for: "q quit")
    tmux.resize(columns: 60, rows: 20)
    let narrow = tmux.wait {
      !$0.contains("Principals of") && $0.contains("Accounts") && $0.contains("Details")
    }
    #expect(narrow.ok, "\(narrow.screen)")
    tmux.resize(columns: 30, rows: 8)
    #expect(tmux.wait(forAll: ["terminal too small", "30x8, need 40x10"]).ok)
    tmux.resize(columns: 120, rows: 40)
    let wide = tmux.wait(forAll: ["Principals of", "Buckets of", "Details"])
    #expect(wide.ok, "\(wide.screen)")
  }

  @Test(arguments: [("q", Int32(0)), ("C-c", Int32(130))])
  func quitsAndRestoresTheTerminal(key: String, status: Int32) throws {
    let tmux = try BrowseTmux()
    tmux.wait(for: "q quit")
    #expect(tmux.display("#{alternate_on}") == "1")
    tmux.send(key)
    #expect(tmux.exitStatus() == status)
    #expect(tmux.display("#{alternate_on}") == "0", "the alternate screen was left")
  }

  @Test func noColorUsesAttributesOnly() throws {
    let tmux = try BrowseTmux(environment: ["NO_COLOR": "1"])
    tmux.wait(for: "q quit")
    tmux.send("2")
    let matrix = tmux.wait(escapes: true) {
      $0.contains("allowed") && $0.contains("fighters/") && $0.contains("q\u{1B}")
    }
    #expect(matrix.ok, "\(matrix.screen)")
    let colorCode = try Regex("\u{1B}\\[[0-9;]*3[0-7]m")
    #expect(matrix.screen.firstMatch(of: colorCode) == nil, "no foreground colour codes")
    #expect(matrix.screen.contains("\u{1B}[1m✓"), "bold still marks allowed cells")
  }

  /// `e` on a cell's path view writes the focus as a Graphviz file (valid for `dot`) and the view as
  /// text in the current directory, and says where.
  @Test func exportWritesTheFocusAsGraphvizAndText() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "trustwalk-export-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let snapshot = TrustwalkBinary.packageRoot.appendingPathComponent("SampleData/upload-only-prefixes").path
    let tmux = try BrowseTmux(arguments: [snapshot], workingDirectory: directory.path)
    tmux.wait(for: "q quit")
    tmux.send("2", "Right", "Right")
    #expect(tmux.wait(for: "user/bobbytables → s3://account-b-bucket/foo/  ✓ ALLOWED").ok)
    tmux.send("Enter")
    #expect(tmux.wait(for: "Chain 1").ok)
    tmux.send("e")
    let said = tmux.wait(forAll: [".dot (+ .txt) in"])
    #expect(said.ok, "\(said.screen)")
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    let dot = try #require(files.first { $0.hasSuffix(".dot") }, "\(files)")
    let text = try #require(files.first { $0.hasSuffix(".txt") }, "\(files)")
    #expect(said.screen.contains(String(dot.prefix(20))), "the status line names the file")
    let diagram = try String(contentsOf: directory.appendingPathComponent(dot), encoding: .utf8)
    #expect(diagram.hasPrefix("digraph"))
    #expect(diagram.contains("account-b-bucket") && diagram.contains("bobbytables"))
    let view = try String(contentsOf: directory.appendingPathComponent(text), encoding: .utf8)
    #expect(view.contains("user/bobbytables → role/account-a-s3-role → s3://account-b-bucket/foo/"))
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") {
      let check = Process()
      check.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
      check.arguments = ["-Tsvg", "-o", "/dev/null", directory.appendingPathComponent(dot).path]
      try check.run()
      check.waitUntilExit()
      #expect(check.terminationStatus == 0, "dot accepts the export")
    }
    tmux.send("q")
    #expect(tmux.exitStatus() == 0)
  }

  /// A snapshot with a file that could not be read says so in the breadcrumb (the stderr lines
  /// scroll away before the first frame), and the answers that depend on it are not shown as denied.
  @Test func loadProblemsStayInTheBreadcrumb() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "trustwalk-broken-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = TrustwalkBinary.packageRoot.appendingPathComponent("SampleData/upload-only-prefixes")
    try FileManager.default.copyItem(at: source, to: directory)
    let policy = directory.appendingPathComponent(
      "222222222222/s3/buckets/account-b-bucket/get-bucket-policy.json")
    try #"{"Policy": "{\"Statement\": [ {\"Effect\": "}"#.write(to: policy, atomically: true, encoding: .utf8)
    let tmux = try BrowseTmux(arguments: [directory.path])
    let screen = tmux.wait(forAll: ["[1 load problem: trustwalk validate]", "q quit"])
    #expect(screen.ok, "\(screen.screen)")
    tmux.send("q")
    #expect(tmux.exitStatus() == 0)
  }
}
