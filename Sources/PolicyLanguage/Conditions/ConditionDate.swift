/// Dates in `Date*` conditions, as seconds since 1970-01-01T00:00:00Z.
///
/// Accepts epoch seconds (`1700000000`) and ISO 8601: `2024-01-31`, `2024-01-31T12:00Z`,
/// `2024-01-31T12:00:00Z`, with fractional seconds, with an offset (`+02:00`, `+0200`, `+02`) or
/// none (UTC), and the basic forms `20240131` / `20240131T120000Z`.
enum ConditionDate {
  static func parse(_ text: String) -> Double? {
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty else { return nil }
    if bytes.allSatisfy(isDigit), bytes.count != 8 { return Double(text) }
    var scanner = Scanner(bytes: bytes)
    return scanner.timestamp()
  }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    mutating func number(digits: Int) -> Int? {
      guard index + digits <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[index..<index + digits] {
        guard ConditionDate.isDigit(byte) else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      index += digits
      return value
    }

    mutating func skip(_ character: Character) -> Bool {
      guard index < bytes.count, bytes[index] == character.asciiValue else { return false }
      index += 1
      return true
    }

    var atEnd: Bool { index == bytes.count }

    mutating func timestamp() -> Double? {
      guard let year = number(digits: 4) else { return nil }
      let extended = skip("-")
      guard let month = number(digits: 2), !extended || skip("-"), let day = number(digits: 2),
        (1...12).contains(month), (1...31).contains(day)
      else { return nil }
      var seconds = Double(ConditionDate.daysFromCivil(year: year, month: month, day: day)) * 86_400
      if atEnd { return seconds }
      guard skip("T") || skip("t") || skip(" ") else { return nil }
      guard let hour = number(digits: 2), !extended || skip(":"), let minute = number(digits: 2),
        hour <= 24, minute <= 59
      else { return nil }
      seconds += Double(hour * 3600 + minute * 60)
      if (extended && skip(":")) || (!extended && index < bytes.count && ConditionDate.isDigit(bytes[index]))
      {
        guard let second = number(digits: 2), second <= 60 else { return nil }
        seconds += Double(second)
        if skip(".") || skip(",") {
          var scale = 0.1
          let start = index
          while index < bytes.count, ConditionDate.isDigit(bytes[index]) {
            seconds += Double(bytes[index] - UInt8(ascii: "0")) * scale
            scale /= 10
            index += 1
          }
          guard index > start else { return nil }
        }
      }
      if atEnd || skip("Z") || skip("z") { return atEnd ? seconds : nil }
      let sign: Double
      if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
      guard let offsetHours = number(digits: 2), offsetHours <= 23 else { return nil }
      var offsetMinutes = 0
      if !atEnd {
        _ = skip(":")
        guard let minutes = number(digits: 2), minutes <= 59 else { return nil }
        offsetMinutes = minutes
      }
      guard atEnd else { return nil }
      return seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60)
    }
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date.
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
