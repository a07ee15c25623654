/// How a run was asked for on the command line, on top of the pipeline file.
public struct RunOptions: Sendable {
    /// Redo every stage for every input, ignoring stored results.
    public var full = false
    /// This machine's share of the inputs.
    public var shard = Shard.whole
    /// Show a progress line on a terminal.
    public var progress = true

    public init(full: Bool = false, shard: Shard = .whole, progress: Bool = true) {
        self.full = full
        self.shard = shard
        self.progress = progress
    }
}

/// The stages a command runs.
public enum Stage: String, Sendable, CaseIterable {
    case extract, transform, load
}
