/// How the browser should look and where it runs; the command fills this from flags and the environment
/// (the module itself never reads the environment).
public struct BrowserOptions: Sendable {
  /// False for `--no-color` or a non-empty `NO_COLOR`: attributes only (bold, dim, underline, reverse).
  public var useColor: Bool
  /// True for `--ascii`: ASCII glyphs even on a UTF-8 terminal.
  public var asciiOnly: Bool
  /// The value of `TERM` (nil when unset).
  public var terminalType: String?
  /// Shown on the terminal while the model loads, before the first frame.
  public var loadingMessage: String

  public init(useColor: Bool, asciiOnly: Bool, terminalType: String?, loadingMessage: String) {
    self.useColor = useColor
    self.asciiOnly = asciiOnly
    self.terminalType = terminalType
    self.loadingMessage = loadingMessage
  }
}
