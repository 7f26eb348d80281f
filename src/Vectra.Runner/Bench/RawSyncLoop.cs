using System.Diagnostics;

namespace Vectra.Runner.Bench;

/// <summary>
/// The disk's floor for a durable commit: one record-sized write then a sync, over and over, into a file preallocated
/// once and rewritten from its start when the writes reach its end, as SQLite rewrites its write-ahead log after a
/// checkpoint. A file that grows with every write would make each sync flush its new size too, a cost the journal's log
/// mostly does not pay, and would flatter the journal. Two sync calls: <c>fdatasync</c>, the cheapest durable one, and
/// <c>fsync</c>, the one the SQLite build under Microsoft.Data.Sqlite makes for its log (it is compiled without
/// <c>HAVE_FDATASYNC</c>; strace shows one <c>fsync</c> per commit), which also writes the file's changed times.
/// </summary>
internal static class RawSyncLoop
{
    /// <summary>The size of the preallocated file: 16 MB, the journal's write-ahead log at its checkpoint threshold (1,000 pages of 16 KB).</summary>
    public const long FileBytes = 16L << 20;

    /// <summary>Preallocates <paramref name="path"/> (written and synced before timing), then times <paramref name="operations"/> write+sync pairs (<c>fsync</c> when <paramref name="fullSync"/>, else <c>fdatasync</c>).</summary>
    public static BenchResult Run(string path, int operations, int recordBytes, bool fullSync = false)
    {
        var record = new byte[recordBytes];
        Array.Fill(record, (byte)'x');
        using var file = File.OpenHandle(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, FileOptions.None, preallocationSize: FileBytes);
        Preallocate(file);
        var latencies = new LatencyRecorder(operations);
        var slots = FileBytes / recordBytes;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < operations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            RandomAccess.Write(file, record, i % slots * recordBytes);
            if (fullSync)
            {
                RandomAccess.FlushToDisk(file);
            }
            else
            {
                DataSync.Flush(file);
            }
            latencies.Add(started);
        }
        var name = fullSync ? "raw write+fsync (preallocated, rewritten)" : "raw write+fdatasync (preallocated, rewritten)";
        return BenchResult.From(name, operations, clock.Elapsed.TotalSeconds, latencies);
    }

    /// <summary>Writes the whole file once and syncs it, so the timed loop neither allocates blocks nor changes the size.</summary>
    private static void Preallocate(Microsoft.Win32.SafeHandles.SafeFileHandle file)
    {
        var zeros = new byte[1 << 20];
        for (long offset = 0; offset < FileBytes; offset += zeros.Length)
        {
            RandomAccess.Write(file, zeros, offset);
        }
        RandomAccess.FlushToDisk(file);
    }
}
