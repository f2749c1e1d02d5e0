/// Maps byte offsets of a text to 1-based line and column numbers, built once per file.
public struct LineIndex: Sendable {
  private let lineStarts: [Int]

  public init(_ bytes: some Collection<UInt8>) {
    if let starts = bytes.withContiguousStorageIfAvailable(Self.lineStarts) {
      lineStarts = starts
      return
    }
    lineStarts = Array(bytes).withUnsafeBufferPointer(Self.lineStarts)
  }

  /// Scans a buffer (not the generic collection: unspecialized generic iteration is several times
  /// slower, and snapshots hold hundreds of megabytes).
  private static func lineStarts(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    var starts = [0]
    for offset in 0..<bytes.count where bytes[offset] == 0x0A { starts.append(offset + 1) }
    return starts
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
