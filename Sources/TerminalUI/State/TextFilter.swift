/// The `/` filter: a case-insensitive substring match on any of a row's texts; a leading `!` inverts it.
struct TextFilter {
  /// The lower-cased text to find, as UTF-8 (searched byte-wise: the matrix filter scans 10,000 rows per key).
  let needle: [UInt8]
  /// True for a leading `!`: the rows that do not contain the text.
  let inverted: Bool

  init(_ filter: String) {
    inverted = filter.hasPrefix("!")
    needle = Array((inverted ? String(filter.dropFirst()) : filter).lowercased().utf8)
  }

  /// Whether the filter lets everything through.
  var isEmpty: Bool { needle.isEmpty }

  func matches(_ texts: [String]) -> Bool {
    guard !needle.isEmpty else { return true }
    return texts.contains { Self.find(needle, in: $0.lowercased()) } != inverted
  }

  /// Like `matches`, for text that is already lower-cased.
  func matches(lowercased text: String) -> Bool {
    guard !needle.isEmpty else { return true }
    return Self.find(needle, in: text) != inverted
  }

  /// Whether `text`'s UTF-8 contains `needle` (both already lower-cased).
  private static func find(_ needle: [UInt8], in text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      guard needle.count <= bytes.count, let first = needle.first else { return needle.isEmpty }
      var start = 0
      while start <= bytes.count - needle.count {
        if bytes[start] == first {
          var matched = 1
          while matched < needle.count, bytes[start + matched] == needle[matched] { matched += 1 }
          if matched == needle.count { return true }
        }
        start += 1
      }
      return false
    }
  }
}
