#if canImport(Glibc)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGTERM and SIGINT end a run at once, by their default action, and no handler is installed:
/// outputs are replaced atomically, so a stopped run leaves the previous ones whole (see
/// CrashSafetyTests), the next run removes its temporary files, and every tool it started dies
/// with it (ExternalTool: the parent-death signal).
///
/// A process inherits its parent's blocked signals, and a parent that starts the run from a
/// Dispatch worker thread (Foundation's `Process` does not reset the mask) passes them all on:
/// such a run could not be stopped. They are unblocked first, before any other thread exists.
/// Signals the parent *ignores* (a background job's SIGINT, nohup's SIGHUP) stay ignored.
enum TerminationSignals {
    static func unblock() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGQUIT] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
