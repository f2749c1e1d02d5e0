/// Maps byte offsets of a text to 1-based line and column numbers, built once per file.
public struct LineIndex: Sendable {
  private let lineStarts: [Int]

  public init(_ bytes: some Collection<UInt8>) {
    var starts = [0]
    var offset = 0
    for byte in bytes {
      offset += 1
      if byte == 0x0A { starts.append(offset) }
    }
    lineStarts = starts
  }

  /// The line and column (both 1-based, column counted in bytes) of `offset`.
  public func location(of offset: Int) -> SourceLocation {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return SourceLocation(line: low + 1, column: offset - lineStarts[low] + 1)
  }
}
