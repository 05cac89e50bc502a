/// The files of the top-level `templates/` folder, embedded in the binary at build time by
/// the EmbedTemplates plugin, so that `steer` carries them wherever it is copied.
public enum BundledTemplates {
  /// The text of `templates/<path>`, if the folder has that file.
  public static func file(_ path: String) -> String? { EmbeddedTemplates.files[path] }

  /// Every embedded path, sorted.
  public static var paths: [String] { EmbeddedTemplates.files.keys.sorted() }
}
