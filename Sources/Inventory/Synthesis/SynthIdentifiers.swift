/// AWS-shaped identifiers and timestamps drawn from a `SplitMix64` stream.
enum SynthIdentifiers {
  private static let base32 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
  private static let lowerAlphanumerics = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// An IAM unique id such as `AROA` + 17 characters (`AIDA` users, `AGPA` groups, `ANPA` policies).
  static func uniqueId(_ prefix: String, _ random: inout SplitMix64) -> String {
    prefix + characters(17, from: base32, &random)
  }

  /// Lower-case letters and digits, as in organization, root, OU and policy ids.
  static func lowerAlphanumeric(_ count: Int, _ random: inout SplitMix64) -> String {
    characters(count, from: lowerAlphanumerics, &random)
  }

  /// `count` lower-case hexadecimal digits.
  static func hex(_ count: Int, _ random: inout SplitMix64) -> String {
    characters(count, from: hexDigits, &random)
  }

  /// A KMS key id (a UUID).
  static func keyId(_ random: inout SplitMix64) -> String {
    [hex(8, &random), hex(4, &random), "4" + hex(3, &random), "a" + hex(3, &random), hex(12, &random)]
      .joined(separator: "-")
  }

  /// A timestamp as the aws CLI prints it (`2023-04-12T09:15:02+00:00`), between 2019 and 2025.
  static func timestamp(_ random: inout SplitMix64) -> String {
    let start = 1_546_300_800  // 2019-01-01T00:00:00Z
    return format(epochSeconds: start + random.below(6 * 365 * 86_400))
  }

  /// Formats seconds since 1970 in UTC (proleptic Gregorian calendar, days-from-civil inverse).
  static func format(epochSeconds: Int) -> String {
    let days = epochSeconds / 86_400
    let secondOfDay = epochSeconds % 86_400
    let shifted = days + 719_468
    let era = shifted / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):"
      + "\(two(secondOfDay % 60))+00:00"
  }

  private static func two(_ value: Int) -> String {
    value < 10 ? "0\(value)" : String(value)
  }

  private static func characters(_ count: Int, from alphabet: [UInt8], _ random: inout SplitMix64) -> String {
    var bytes = [UInt8](repeating: 0, count: count)
    for index in 0..<count { bytes[index] = alphabet[random.below(alphabet.count)] }
    return String(decoding: bytes, as: UTF8.self)
  }
}
