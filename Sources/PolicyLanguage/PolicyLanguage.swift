/// The `PolicyLanguage` module; see ARCHITECTURE.md.
public enum PolicyLanguageModule {
  /// The module's name, for diagnostics.
  public static let name = "PolicyLanguage"
}
