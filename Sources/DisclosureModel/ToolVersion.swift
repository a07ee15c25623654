/// The tool's version, shown by `--version`, written into the run summary and into every Parquet
/// file's footer, so a dataset says what made it.
public enum ToolVersion {
    public static let current = "0.13.0"
}
