/// The version reported by `steer --version`, in machine-readable outputs, and in the identity
/// of the caches it writes.
public enum SteerVersion {
  public static let current = "0.2.0"
}
