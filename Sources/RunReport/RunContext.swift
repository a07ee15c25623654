/// What only the run knows (the datasets do not hold it), given by the command that drew the page.
/// All optional: `disclosure-etl report OUT` may know none of it.
public struct RunContext: Sendable, Equatable {
    /// The pipeline's name.
    public var pipeline: String?
    /// The stages run and the wall-clock seconds of each step (`scan`, `extract`, …), as the
    /// run summary gives them. Run-to-run timings: the only part of the page that is not
    /// decided by the datasets.
    public var stageSeconds: [(step: String, seconds: Double)] = []
    /// The folder `source_path` is relative to, for the `inspect` commands; nil leaves the
    /// paths relative (with several input folders, `source_path` starts with the folder's name).
    public var inputFolder: String?
    /// The version of the tool drawing the page, used when the datasets do not record theirs (CSV).
    public var toolVersion: String?

    public init(pipeline: String? = nil, stageSeconds: [(step: String, seconds: Double)] = [], inputFolder: String? = nil, toolVersion: String? = nil) {
        self.pipeline = pipeline
        self.stageSeconds = stageSeconds
        self.inputFolder = inputFolder
        self.toolVersion = toolVersion
    }

    public static func == (a: RunContext, b: RunContext) -> Bool {
        a.pipeline == b.pipeline && a.inputFolder == b.inputFolder && a.toolVersion == b.toolVersion
            && a.stageSeconds.map(\.step) == b.stageSeconds.map(\.step) && a.stageSeconds.map(\.seconds) == b.stageSeconds.map(\.seconds)
    }
}
