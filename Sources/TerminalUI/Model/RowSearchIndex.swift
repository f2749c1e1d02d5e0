import Glibc

/// The lower-cased search text of every matrix row in one contiguous buffer, so that a filter is
/// found with `memchr` and `memcmp` over the whole matrix at once (a 1,000-account organization has 126,000 rows
/// to search on every key typed).
struct RowSearchIndex: Sendable {
  /// Every row's text, in row order, each followed by a 0 byte (never part of a filter).
  private let bytes: [UInt8]
  /// Where each row's text starts in `bytes`, plus one final entry past the end.
  private let starts: [Int]

  /// `texts` may be a lazy collection: it is read twice (once to size the buffer), and never held
  /// whole, which keeps 126,000 row texts out of the memory peak of opening a large snapshot.
  init<Texts: Collection<String>>(_ texts: Texts) {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count + 1 })
    var starts: [Int] = []
    starts.reserveCapacity(texts.count + 1)
    for text in texts {
      starts.append(bytes.count)
      bytes.append(contentsOf: text.utf8.lazy.map { $0 == 0 ? 0x20 : $0 })
      bytes.append(0)
    }
    starts.append(bytes.count)
    self.bytes = bytes
    self.starts = starts
  }

  var count: Int { starts.count - 1 }

  /// The rows (ascending) whose text contains `needle` (lower-cased UTF-8), among `candidates`
  /// (ascending) when given; with `inverted`, the rows that do not contain it.
  func rows(containing needle: [UInt8], among candidates: [Int]?, inverted: Bool) -> [Int] {
    guard !needle.isEmpty, !needle.contains(0) else { return candidates ?? Array(0..<count) }
    let found: [Int]
    if let candidates, candidates.count < count / 8 {
      found = candidates.filter { contains(needle, row: $0) }
    } else {
      let all = scan(needle)
      found = candidates.map { Self.intersection($0, all) } ?? all
    }
    guard inverted else { return found }
    var matched = Set(found)
    return (candidates ?? Array(0..<count)).filter { matched.remove($0) == nil }
  }

  /// Every row containing `needle`: one search per match over the whole buffer, skipping to the
  /// next row after each match.
  private func scan(_ needle: [UInt8]) -> [Int] {
    var rows: [Int] = []
    bytes.withUnsafeBufferPointer { text in
      needle.withUnsafeBufferPointer { pattern in
        guard let base = text.baseAddress, let patternBase = pattern.baseAddress else { return }
        var offset = 0
        var row = 0
        while offset < text.count,
          let position = Self.find(patternBase, pattern.count, in: base, from: offset, to: text.count)
        {
          while starts[row + 1] <= position { row += 1 }
          rows.append(row)
          offset = starts[row + 1]
        }
      }
    }
    return rows
  }

  private func contains(_ needle: [UInt8], row: Int) -> Bool {
    bytes.withUnsafeBufferPointer { text in
      needle.withUnsafeBufferPointer { pattern in
        guard let base = text.baseAddress, let patternBase = pattern.baseAddress else { return false }
        return Self.find(patternBase, pattern.count, in: base, from: starts[row], to: starts[row + 1]) != nil
      }
    }
  }

  /// Where `needle` first occurs in `text[start..<end]`: `memchr` finds each candidate first byte
  /// (vectorised in the C library), `memcmp` checks the rest.
  private static func find(
    _ needle: UnsafePointer<UInt8>, _ length: Int, in text: UnsafePointer<UInt8>, from start: Int, to end: Int
  ) -> Int? {
    var offset = start
    let first = Int32(needle.pointee)
    while end - offset >= length {
      guard let hit = memchr(text + offset, first, end - offset - length + 1) else { return nil }
      let position = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - text
      if memcmp(text + position, needle, length) == 0 { return position }
      offset = position + 1
    }
    return nil
  }

  /// The elements of both ascending lists.
  private static func intersection(_ left: [Int], _ right: [Int]) -> [Int] {
    var result: [Int] = []
    var (i, j) = (0, 0)
    while i < left.count && j < right.count {
      if left[i] == right[j] {
        result.append(left[i])
        i += 1
        j += 1
      } else if left[i] < right[j] {
        i += 1
      } else {
        j += 1
      }
    }
    return result
  }
}
