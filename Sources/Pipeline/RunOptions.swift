/// How a run was asked for on the command line, on top of the pipeline file.
public struct RunOptions: Sendable {
    /// Redo every stage for every input, ignoring stored results.
    public var full = false
    /// This machine's share of the inputs.
    public var shard = Shard.whole
    /// Show a progress line on a terminal.
    public var progress = true
    /// Let a run remove more of the known inputs than `max_removed_share`, and `load` or
    /// `transform` work from a work folder that holds no results (the safety guard stands down).
    public var allowRemovals = false

    public init(full: Bool = false, shard: Shard = .whole, progress: Bool = true, allowRemovals: Bool = false) {
        self.full = full
        self.shard = shard
        self.progress = progress
        self.allowRemovals = allowRemovals
    }
}

/// The stages a command runs.
public enum Stage: String, Sendable, CaseIterable {
    case extract, transform, load
}
