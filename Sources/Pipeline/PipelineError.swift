/// Why a run could not complete. Each message names the file or key at fault.
public enum PipelineError: Error, CustomStringConvertible, Sendable {
    /// A pipeline file, dictionary or command-line value is wrong (exit status 2).
    case configuration(String)
    /// Reading inputs or writing outputs or the work folder failed (exit status 1).
    case io(String)
    /// The safety guard stopped a run that would remove most of what is known, before it changed
    /// anything (exit status 4): an empty input folder is more often an unmounted share than a wish.
    case refused(String)
    /// Another run holds the work or output folder (exit status 5).
    case busy(String)

    public var description: String {
        switch self {
        case .configuration(let message), .io(let message), .refused(let message), .busy(let message): message
        }
    }

    /// The process exit status documented in docs/pipelines.md.
    public var exitCode: Int32 {
        switch self {
        case .configuration: 2
        case .io: 1
        case .refused: 4
        case .busy: 5
        }
    }
}
