/*
 * LD_PRELOAD shim for the power-loss tests (built by the test with the machine's cc).
 *
 * For files directly inside $VECTRA_POWERLOSS_DIR it appends every operation that changes what a
 * power cut could leave on disk to $VECTRA_POWERLOSS_LOG, in the order the process performed them:
 * creations, writes (with their bytes), truncations, unlinks, and each fsync/fdatasync of a file or
 * of the directory itself. The test replays the log to decide what survives a power cut: a file keeps
 * what it held at its last sync, a directory entry exists as of the directory's last sync.
 *
 * Ordering is what the test relies on, so a mutex serialises each operation with its log record:
 *  - writes and truncations are logged BEFORE they run (a kill in between leaves a logged write that
 *    never reached the file; the test tolerates exactly that for the log's last record);
 *  - syncs, creations and unlinks are logged AFTER they succeed, so a sync the process could not
 *    have seen complete is never counted as durable.
 * Writes to stdout (where the crash child prints its acks; .NET writes it through a dup of fd 1, so
 * stdout is recognised by its inode) are logged too, with their bytes, so the
 * test knows which acks were printed before any point of the log and can cut the power there.
 * The log is written with plain write(): the page cache survives SIGKILL, which is all it needs.
 *
 * Record: u32 kind, u32 name length, i64 offset, i64 length, name bytes, then `length` data bytes for
 * a write or an output. Little-endian, as the machine writes it.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum { OP_CREATE = 1, OP_WRITE = 2, OP_WRITE_SHORT = 3, OP_TRUNCATE = 4, OP_SYNC = 5, OP_DIRSYNC = 6, OP_UNLINK = 7, OP_OUTPUT = 8 };

struct record_header { uint32_t kind; uint32_t name_length; int64_t offset; int64_t length; };

#define MAX_FDS 65536
static char *tracked[MAX_FDS]; /* name inside the directory, or &directory_mark for the directory */
static char directory_mark;
static char directory[4096];
static size_t directory_length;
static int log_fd = -1;
static struct stat standard_output;
static int standard_output_known;
static unsigned char output_kind[MAX_FDS]; /* 0 not yet checked, 1 stdout, 2 anything else */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;

static int (*real_openat)(int, const char *, int, ...);
static int (*real_close)(int);
static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_pwrite64)(int, const void *, size_t, off_t);
static ssize_t (*real_writev)(int, const struct iovec *, int);
static ssize_t (*real_pwritev64)(int, const struct iovec *, int, off_t);
static int (*real_ftruncate64)(int, off_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_unlinkat)(int, const char *, int);

static void initialise(void)
{
    real_openat = dlsym(RTLD_NEXT, "openat64");
    real_close = dlsym(RTLD_NEXT, "close");
    real_write = dlsym(RTLD_NEXT, "write");
    real_pwrite64 = dlsym(RTLD_NEXT, "pwrite64");
    real_writev = dlsym(RTLD_NEXT, "writev");
    real_pwritev64 = dlsym(RTLD_NEXT, "pwritev64");
    real_ftruncate64 = dlsym(RTLD_NEXT, "ftruncate64");
    real_fsync = dlsym(RTLD_NEXT, "fsync");
    real_fdatasync = dlsym(RTLD_NEXT, "fdatasync");
    real_unlinkat = dlsym(RTLD_NEXT, "unlinkat");
    const char *dir = getenv("VECTRA_POWERLOSS_DIR");
    const char *log = getenv("VECTRA_POWERLOSS_LOG");
    if (dir == NULL || log == NULL || strlen(dir) >= sizeof directory) {
        return;
    }
    strcpy(directory, dir);
    directory_length = strlen(directory);
    while (directory_length > 1 && directory[directory_length - 1] == '/') {
        directory[--directory_length] = '\0';
    }
    standard_output_known = fstat(STDOUT_FILENO, &standard_output) == 0;
    log_fd = real_openat(AT_FDCWD, log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
}

static int is_standard_output(int fd)
{
    if (log_fd < 0 || !standard_output_known || fd < 0 || fd >= MAX_FDS) {
        return 0;
    }
    if (output_kind[fd] == 0) {
        struct stat st;
        int same = fstat(fd, &st) == 0 && st.st_dev == standard_output.st_dev && st.st_ino == standard_output.st_ino;
        output_kind[fd] = same ? 1 : 2;
    }
    return output_kind[fd] == 1;
}

static void ensure_initialised(void) { pthread_once(&once, initialise); }

/* The name of a path directly inside the directory, &directory_mark for the directory, else NULL. */
static const char *classify(int dirfd, const char *path)
{
    ensure_initialised();
    if (log_fd < 0 || path == NULL || dirfd != AT_FDCWD || strncmp(path, directory, directory_length) != 0) {
        return NULL;
    }
    const char *rest = path + directory_length;
    if (*rest == '\0') {
        return &directory_mark;
    }
    if (*rest != '/' || rest[1] == '\0' || strchr(rest + 1, '/') != NULL) {
        return NULL;
    }
    return rest + 1;
}

static void write_fully(const void *bytes, size_t count)
{
    const char *p = bytes;
    while (count > 0) {
        ssize_t n = real_write(log_fd, p, count);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            abort(); /* a log that silently misses a record would make the test lie */
        }
        p += n;
        count -= (size_t)n;
    }
}

static void log_record(uint32_t kind, const char *name, int64_t offset, int64_t length, const void *data)
{
    int saved = errno;
    struct record_header header = { kind, (uint32_t)strlen(name), offset, length };
    write_fully(&header, sizeof header);
    write_fully(name, header.name_length);
    if ((kind == OP_WRITE || kind == OP_OUTPUT) && length > 0) {
        write_fully(data, (size_t)length);
    }
    errno = saved;
}

/* The tracked file behind fd, with the mutex held; NULL (mutex not held) when fd is not tracked. */
static const char *lock_tracked(int fd)
{
    if (fd < 0 || fd >= MAX_FDS || tracked[fd] == NULL) {
        return NULL;
    }
    pthread_mutex_lock(&mutex);
    if (tracked[fd] == NULL) {
        pthread_mutex_unlock(&mutex);
        return NULL;
    }
    return tracked[fd];
}

static int open_tracked(int dirfd, const char *path, int flags, mode_t mode)
{
    ensure_initialised();
    const char *name = classify(dirfd, path);
    if (name == NULL) {
        return real_openat(dirfd, path, flags, mode);
    }
    pthread_mutex_lock(&mutex);
    int existed = access(path, F_OK) == 0;
    int fd = real_openat(dirfd, path, flags, mode);
    if (fd >= 0 && fd < MAX_FDS) {
        if (name == &directory_mark) {
            tracked[fd] = &directory_mark;
        } else {
            tracked[fd] = strdup(name);
            if (!existed) {
                log_record(OP_CREATE, name, 0, 0, NULL);
            }
        }
    }
    pthread_mutex_unlock(&mutex);
    return fd;
}

static mode_t mode_argument(int flags, va_list arguments)
{
    return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(arguments, int) : 0;
}

int open(const char *path, int flags, ...)
{
    va_list a; va_start(a, flags); mode_t mode = mode_argument(flags, a); va_end(a);
    return open_tracked(AT_FDCWD, path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
    va_list a; va_start(a, flags); mode_t mode = mode_argument(flags, a); va_end(a);
    return open_tracked(AT_FDCWD, path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
    va_list a; va_start(a, flags); mode_t mode = mode_argument(flags, a); va_end(a);
    return open_tracked(dirfd, path, flags, mode);
}

int openat64(int dirfd, const char *path, int flags, ...)
{
    va_list a; va_start(a, flags); mode_t mode = mode_argument(flags, a); va_end(a);
    return open_tracked(dirfd, path, flags, mode);
}

int close(int fd)
{
    ensure_initialised();
    if (lock_tracked(fd) == NULL) {
        int closed = real_close(fd);
        if (fd >= 0 && fd < MAX_FDS) {
            output_kind[fd] = 0;
        }
        return closed;
    }
    int result = real_close(fd);
    if (tracked[fd] != &directory_mark) {
        free(tracked[fd]);
    }
    tracked[fd] = NULL;
    pthread_mutex_unlock(&mutex);
    return result;
}

static ssize_t write_at(const char *name, int fd, const void *buf, size_t count, off_t offset,
                        ssize_t (*perform)(int, const void *, size_t, off_t), int positional)
{
    log_record(OP_WRITE, name, offset, (int64_t)count, buf);
    ssize_t written = positional ? perform(fd, buf, count, offset) : real_write(fd, buf, count);
    if (written != (ssize_t)count) {
        log_record(OP_WRITE_SHORT, name, offset, written < 0 ? 0 : written, NULL);
    }
    return written;
}

/* Where a write() at the current position lands. */
static off_t current_position(int fd)
{
    return (fcntl(fd, F_GETFL) & O_APPEND) ? lseek(fd, 0, SEEK_END) : lseek(fd, 0, SEEK_CUR);
}

/* Stdout: logged before it is written, so an ack is never printed ahead of its place in the log. */
static ssize_t write_output(int fd, const void *buf, size_t count)
{
    pthread_mutex_lock(&mutex);
    log_record(OP_OUTPUT, "", 0, (int64_t)count, buf);
    ssize_t result = real_write(fd, buf, count);
    pthread_mutex_unlock(&mutex);
    return result;
}

ssize_t write(int fd, const void *buf, size_t count)
{
    ensure_initialised();
    if (is_standard_output(fd)) {
        return write_output(fd, buf, count);
    }
    const char *name = lock_tracked(fd);
    if (name == NULL || name == &directory_mark) {
        if (name != NULL) pthread_mutex_unlock(&mutex);
        return real_write(fd, buf, count);
    }
    ssize_t result = write_at(name, fd, buf, count, current_position(fd), NULL, 0);
    pthread_mutex_unlock(&mutex);
    return result;
}

static ssize_t positional_write(int fd, const void *buf, size_t count, off_t offset)
{
    const char *name = lock_tracked(fd);
    if (name == NULL || name == &directory_mark) {
        if (name != NULL) pthread_mutex_unlock(&mutex);
        return real_pwrite64(fd, buf, count, offset);
    }
    ssize_t result = write_at(name, fd, buf, count, offset, real_pwrite64, 1);
    pthread_mutex_unlock(&mutex);
    return result;
}

ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset) { ensure_initialised(); return positional_write(fd, buf, count, offset); }
ssize_t pwrite64(int fd, const void *buf, size_t count, off_t offset) { ensure_initialised(); return positional_write(fd, buf, count, offset); }

/* Vector writes are logged as one write of the gathered bytes. */
static ssize_t vector_write(int fd, const struct iovec *iov, int iovcnt, off_t offset, int positional)
{
    const char *name = lock_tracked(fd);
    if (name == NULL || name == &directory_mark) {
        if (name != NULL) pthread_mutex_unlock(&mutex);
        return positional ? real_pwritev64(fd, iov, iovcnt, offset) : real_writev(fd, iov, iovcnt);
    }
    size_t total = 0;
    for (int i = 0; i < iovcnt; i++) total += iov[i].iov_len;
    char *gathered = malloc(total ? total : 1);
    if (gathered == NULL) abort();
    size_t at = 0;
    for (int i = 0; i < iovcnt; i++) { memcpy(gathered + at, iov[i].iov_base, iov[i].iov_len); at += iov[i].iov_len; }
    off_t where = positional ? offset : current_position(fd);
    log_record(OP_WRITE, name, where, (int64_t)total, gathered);
    free(gathered);
    ssize_t written = positional ? real_pwritev64(fd, iov, iovcnt, offset) : real_writev(fd, iov, iovcnt);
    if (written != (ssize_t)total) {
        log_record(OP_WRITE_SHORT, name, where, written < 0 ? 0 : written, NULL);
    }
    pthread_mutex_unlock(&mutex);
    return written;
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt) { ensure_initialised(); return vector_write(fd, iov, iovcnt, 0, 0); }
ssize_t pwritev(int fd, const struct iovec *iov, int iovcnt, off_t offset) { ensure_initialised(); return vector_write(fd, iov, iovcnt, offset, 1); }
ssize_t pwritev64(int fd, const struct iovec *iov, int iovcnt, off_t offset) { ensure_initialised(); return vector_write(fd, iov, iovcnt, offset, 1); }

static int truncate_tracked(int fd, off_t length)
{
    const char *name = lock_tracked(fd);
    if (name == NULL || name == &directory_mark) {
        if (name != NULL) pthread_mutex_unlock(&mutex);
        return real_ftruncate64(fd, length);
    }
    log_record(OP_TRUNCATE, name, length, 0, NULL);
    int result = real_ftruncate64(fd, length);
    pthread_mutex_unlock(&mutex);
    return result;
}

int ftruncate(int fd, off_t length) { ensure_initialised(); return truncate_tracked(fd, length); }
int ftruncate64(int fd, off_t length) { ensure_initialised(); return truncate_tracked(fd, length); }

static int sync_tracked(int fd, int (*perform)(int))
{
    const char *name = lock_tracked(fd);
    if (name == NULL) {
        return perform(fd);
    }
    int result = perform(fd);
    if (result == 0) {
        log_record(name == &directory_mark ? OP_DIRSYNC : OP_SYNC, name == &directory_mark ? "" : name, 0, 0, NULL);
    }
    pthread_mutex_unlock(&mutex);
    return result;
}

int fsync(int fd) { ensure_initialised(); return sync_tracked(fd, real_fsync); }
int fdatasync(int fd) { ensure_initialised(); return sync_tracked(fd, real_fdatasync); }

static int unlink_tracked(int dirfd, const char *path, int flags)
{
    const char *name = classify(dirfd, path);
    if (name == NULL || name == &directory_mark) {
        return real_unlinkat(dirfd, path, flags);
    }
    pthread_mutex_lock(&mutex);
    int result = real_unlinkat(dirfd, path, flags);
    if (result == 0) {
        log_record(OP_UNLINK, name, 0, 0, NULL);
    }
    pthread_mutex_unlock(&mutex);
    return result;
}

int unlink(const char *path) { ensure_initialised(); return unlink_tracked(AT_FDCWD, path, 0); }
int unlinkat(int dirfd, const char *path, int flags) { ensure_initialised(); return unlink_tracked(dirfd, path, flags); }
