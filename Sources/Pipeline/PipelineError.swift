/// Why a run could not complete. Each message names the file or key at fault.
public enum PipelineError: Error, CustomStringConvertible, Sendable {
    /// A pipeline file, dictionary or command-line value is wrong (exit status 2).
    case configuration(String)
    /// Reading inputs or writing outputs or the work folder failed (exit status 1).
    case io(String)

    public var description: String {
        switch self {
        case .configuration(let message), .io(let message): message
        }
    }

    /// The process exit status documented in the README.
    public var exitCode: Int32 {
        switch self {
        case .configuration: 2
        case .io: 1
        }
    }
}
