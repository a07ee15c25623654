#define _GNU_SOURCE
#include "CChildProcess.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#include <sys/syscall.h>
#endif

extern char **environ;

/// Closes the descriptors from `low` to `high` (inclusive). Async-signal-safe: it runs in the child.
static void close_range_of(int low, int high) {
    if (low > high) return;
#if defined(__linux__) && defined(SYS_close_range)
    if (syscall(SYS_close_range, (unsigned)low, (unsigned)high, 0) == 0) return;
#endif
    struct rlimit limit;
    int last = high;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && (rlim_t)last >= limit.rlim_cur) {
        last = (int)limit.rlim_cur - 1;
    }
    if (last > 65535) last = 65535;
    for (int fd = low; fd <= last; fd++) close(fd);
}

/// The child between fork and exec: only async-signal-safe calls, no allocation.
static void child(const char *path, char *const argv[], int fds[3], int report, pid_t parent, long long memory_limit) {
    int error;
#ifdef __linux__
    // SIGKILL when the forking thread ends. If the parent died before this line, no signal will
    // come: getppid() then names another process, and the child gives up.
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent) _exit(127);
#else
    (void)parent;
#endif
    struct sigaction standard;
    standard.sa_handler = SIG_DFL;
    standard.sa_flags = 0;
    sigemptyset(&standard.sa_mask);
    for (int signal = 1; signal < NSIG; signal++) sigaction(signal, &standard, NULL);
    // A process group of its own, so that a time limit kills what the tool started too.
    setpgid(0, 0);
    umask(077);
    if (memory_limit > 0) {
        struct rlimit limit = {(rlim_t)memory_limit, (rlim_t)memory_limit};
        if (setrlimit(RLIMIT_AS, &limit) != 0) goto failed;
    }
    if (report < 3 && (report = fcntl(report, F_DUPFD_CLOEXEC, 3)) < 0) _exit(127);
    // Move the three descriptors above 2 first, so that placing one cannot overwrite another.
    for (int i = 0; i < 3; i++) {
        if (fds[i] < 3 && (fds[i] = fcntl(fds[i], F_DUPFD_CLOEXEC, 3)) < 0) goto failed;
    }
    for (int i = 0; i < 3; i++) {
        if (dup2(fds[i], i) < 0) goto failed;
    }
    // Keep only 0, 1, 2 and the report pipe (closed by exec).
    close_range_of(3, report - 1);
    close_range_of(report + 1, 0x7fffffff);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execve(path, argv, environ);
failed:
    error = errno;
    (void)!write(report, &error, sizeof error);
    _exit(127);
}

pid_t ccp_spawn(const char *path, char *const argv[], int stdin_fd, int stdout_fd, int stderr_fd,
                long long memory_limit, int *error) {
    int report[2];
#ifdef __linux__
    if (pipe2(report, O_CLOEXEC) != 0) { *error = errno; return -1; }
#else
    if (pipe(report) != 0) { *error = errno; return -1; }
    fcntl(report[0], F_SETFD, FD_CLOEXEC);
    fcntl(report[1], F_SETFD, FD_CLOEXEC);
#endif
    int fds[3] = {stdin_fd, stdout_fd, stderr_fd};
    pid_t parent = getpid();
    // No signal handler may run in the child before exec.
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    // vfork: the child borrows the parent's memory until exec instead of copying its page tables,
    // which for a large process costs more than the tool's own start. The child only makes system
    // calls and writes into its own frame (as glibc's posix_spawn does in its child).
#ifdef __linux__
    pid_t pid = vfork();
#else
    pid_t pid = fork();
#endif
    if (pid == 0) child(path, argv, fds, report[1], parent, memory_limit);
    int forkError = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    close(report[1]);
    if (pid < 0) {
        close(report[0]);
        *error = forkError;
        return -1;
    }
    // The pipe closes without a word when exec succeeds; it carries errno when it fails.
    int childError = 0;
    ssize_t got;
    do { got = read(report[0], &childError, sizeof childError); } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == (ssize_t)sizeof childError) {
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {}
        *error = childError;
        return -1;
    }
    return pid;
}

static long long now_ms(void) {
    struct timespec time;
    clock_gettime(CLOCK_MONOTONIC, &time);
    return (long long)time.tv_sec * 1000 + time.tv_nsec / 1000000;
}

/// Whether the child has ended within `timeout_ms`; it is not reaped, so its pid stays its own.
static int ended_within(pid_t pid, int timeout_ms) {
    long long deadline = now_ms() + timeout_ms;
#if defined(__linux__) && defined(SYS_pidfd_open)
    int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
    if (pidfd >= 0) {
        int ready;
        for (;;) {
            long long left = deadline - now_ms();
            struct pollfd entry = {.fd = pidfd, .events = POLLIN};
            ready = poll(&entry, 1, left > 0 ? (int)left : 0);
            if (ready >= 0 || errno != EINTR) break;
        }
        close(pidfd);
        if (ready >= 0) return ready > 0;
    }
#endif
    // Without pidfds (older kernels, other systems): look every few milliseconds.
    int pause = 1;
    for (;;) {
        siginfo_t info;
        info.si_pid = 0;
        if (waitid(P_PID, (id_t)pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid) return 1;
        long long left = deadline - now_ms();
        if (left <= 0) return 0;
        struct timespec nap = {.tv_sec = 0, .tv_nsec = (long)(pause < left ? pause : left) * 1000000};
        nanosleep(&nap, NULL);
        if (pause < 50) pause *= 2;
    }
}

int ccp_wait(pid_t pid, int timeout_ms, int *exit_status, int *signal, int *timed_out) {
    *timed_out = 0;
    if (timeout_ms >= 0 && !ended_within(pid, timeout_ms)) {
        // Not reaped yet, so the pid (and its group) cannot belong to another process.
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
        *timed_out = 1;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    *exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    *signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    return 0;
}
