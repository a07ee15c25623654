#ifndef C_CHILD_PROCESS_H
#define C_CHILD_PROCESS_H

#include <sys/types.h>

/// Starts `path` with `argv` (NULL-terminated, argv[0] included) and this process's environment,
/// its standard input, output and error on the given descriptors, every other descriptor closed,
/// default signal handling, an empty signal mask and umask 077 (what the tool writes is 0600).
///
/// On Linux the child gets SIGKILL when the thread that called this function ends (the parent-death
/// signal, set before exec); a child whose parent is already gone when it sets it exits at once.
///
/// With `memory_limit` above 0, the child's address space is limited to that many bytes
/// (RLIMIT_AS): an allocation beyond it fails in the tool, which then ends with an error.
///
/// Returns the child's pid once it has executed `path`; -1 with `*error` set to the errno when it
/// could not be created or `path` could not be executed (the child is then already reaped).
pid_t ccp_spawn(const char *path, char *const argv[], int stdin_fd, int stdout_fd, int stderr_fd,
                long long memory_limit, int *error);

/// Waits for the child `pid` to end, at most `timeout_ms` milliseconds (a negative value waits as
/// long as it takes); a child still running then is killed with SIGKILL. Always reaps the child.
/// Sets `*exit_status` (its exit status, or -1 when a signal ended it), `*signal` (the signal that
/// ended it, or 0) and `*timed_out`. Returns 0, or -1 with errno when the child could not be waited
/// for (not this process's child).
int ccp_wait(pid_t pid, int timeout_ms, int *exit_status, int *signal, int *timed_out);

#endif
