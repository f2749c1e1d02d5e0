import Testing

@testable import PolicyLanguage

@Test func readsNestedValuesWithOffsets() throws {
  let node = try JSONReader.parse(#"{"a": [1, "x\u00e9", true, null], "b": {"c": -2.5e3}}"#)
  let members = try #require(node.members)
  #expect(members.map(\.key) == ["a", "b"])
  let array = try #require(node["a"]?.elements)
  #expect(array[0].value == .number("1"))
  #expect(array[1].value == .string("xé"))
  #expect(array[2].value == .bool(true))
  #expect(array[3].value == .null)
  #expect(array[0].offset == 7)
  #expect(node["b"]?["c"]?.value == .number("-2.5e3"))
}

@Test func keepsDuplicateKeys() throws {
  let node = try JSONReader.parse(#"{"k": 1, "k": 2}"#)
  #expect(node.members?.count == 2)
}

@Test func skipsByteOrderMark() throws {
  let node = try JSONReader.parse([0xEF, 0xBB, 0xBF] + Array("[]".utf8))
  #expect(node.value == .array([]))
}

@Test(arguments: [
  ("", "empty"), ("{", "end of input"), (#"{"a" 1}"#, "expected ':'"), ("[1,]", "expected a value"),
  ("[1] x", "after the end"), (#""a\x""#, "invalid escape"), ("01", "after the end"),
])
func rejectsMalformedText(text: String, expected: String) {
  #expect {
    _ = try JSONReader.parse(text)
  } throws: { error in
    (error as? JSONSyntaxError)?.message.contains(expected) == true
  }
}

@Test func rejectsInvalidUTF8WithOffset() {
  let bytes: [UInt8] = Array(#"{"a": "ok"#.utf8) + [0xFF] + Array(#""}"#.utf8)
  #expect(throws: JSONSyntaxError("invalid UTF-8 inside a string", offset: 9)) {
    _ = try JSONReader.parse(bytes)
  }
}

@Test func rejectsDeepNestingWithoutCrashing() {
  let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
  #expect(throws: JSONSyntaxError.self) { _ = try JSONReader.parse(deep) }
}

@Test func mapsOffsetsToLinesAndColumns() {
  let text = "{\n  \"a\": 1,\n  \"b\": 2\n}"
  let index = LineIndex(Array(text.utf8))
  #expect(index.location(of: 0) == SourceLocation(line: 1, column: 1))
  #expect(index.location(of: 4) == SourceLocation(line: 2, column: 3))
  #expect(index.location(of: 14) == SourceLocation(line: 3, column: 3))
}
