using System.Runtime.InteropServices;

namespace Vectra.Runner;

/// <summary>
/// Tunes glibc's malloc for the whole process before any worker thread starts, so native memory (SQLite's caches,
/// zstd's contexts, the runtime's own) stays small in a long capture. Set here, not through <c>MALLOC_ARENA_MAX</c> or
/// <c>MALLOC_MMAP_THRESHOLD_</c>, because a user who starts the binary sets neither; when either variable is set, the
/// user's settings win and nothing is changed.
/// </summary>
internal static partial class NativeHeap
{
    /// <summary>
    /// Arenas allowed: the main one and one more. glibc gives each thread that meets a locked arena a new one, up to
    /// eight per core, and each keeps what it grew to: a capture held 16-17 of them (BENCHMARKS.md, memory).
    /// </summary>
    public const int MaxArenas = 2;

    /// <summary>
    /// Allocations of this size and more get pages of their own, returned when freed. glibc otherwise raises this bound
    /// to the largest block it has freed (up to 32 MB), after which multi-MB blocks (zstd's windows and contexts) are
    /// carved from the arenas, which keep the memory after the blocks are freed.
    /// </summary>
    public const int MmapThresholdBytes = 128 * 1024;

    // mallopt's parameters, from glibc's malloc.h.
    private const int ArenaMaxOption = -8;
    private const int MmapThresholdOption = -3;

    /// <summary>Applies both settings on Linux with glibc; elsewhere, or when the user set malloc's variables, does nothing.</summary>
    public static void Configure()
    {
        if (!OperatingSystem.IsLinux() || UserTunedMalloc())
        {
            return;
        }
        try
        {
            // Each returns 0 when the C library does not know the option (musl has no arenas): nothing to do then.
            _ = MallOpt(ArenaMaxOption, MaxArenas);
            _ = MallOpt(MmapThresholdOption, MmapThresholdBytes);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library without mallopt: its allocator is not glibc's.
        }
    }

    private static bool UserTunedMalloc() =>
        Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null || Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is not null;

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int option, int value);
}
