import Testing

@testable import TerminalUI

/// The matrix filter's search over one contiguous buffer must find exactly the rows a plain
/// substring test finds, inverted or not, with or without the previous filter's rows as candidates.
@Test func rowSearchFindsWhatASubstringTestFinds() {
  var random = SystemRandomNumberGenerator()
  let alphabet = Array("ab/-:r0")
  for _ in 0..<200 {
    let texts = (0..<Int.random(in: 0...40, using: &random)).map { _ in
      String(
        (0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
    }
    let index = RowSearchIndex(texts)
    let needle = String((0..<Int.random(in: 1...3, using: &random)).map { _ in alphabet.randomElement()! })
    let bytes = Array(needle.utf8)
    let expected = texts.indices.filter { texts[$0].contains(needle) }
    #expect(index.rows(containing: bytes, among: nil, inverted: false) == expected, "\(texts) / \(needle)")
    #expect(
      index.rows(containing: bytes, among: nil, inverted: true)
        == texts.indices.filter { !expected.contains($0) })
    let candidates = texts.indices.filter { _ in Bool.random(using: &random) }
    #expect(
      index.rows(containing: bytes, among: candidates, inverted: false)
        == candidates.filter { expected.contains($0) })
    #expect(
      index.rows(containing: bytes, among: candidates, inverted: true)
        == candidates.filter { !expected.contains($0) })
  }
}

@Test func rowSearchNeverMatchesAcrossTwoRows() {
  let index = RowSearchIndex(["arn:aws:iam::1:role/ab", "cd", "x"])
  #expect(index.rows(containing: Array("bcd".utf8), among: nil, inverted: false).isEmpty)
  #expect(index.rows(containing: Array("b".utf8), among: nil, inverted: false) == [0])
  #expect(index.rows(containing: Array("x".utf8), among: nil, inverted: false) == [2])
  #expect(index.rows(containing: [], among: nil, inverted: false) == [0, 1, 2])
}
