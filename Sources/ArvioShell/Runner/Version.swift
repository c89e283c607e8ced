/// The program's version.
public enum Version {
    /// The version string `--version` prints.
    public static let current = "0.1"
}
