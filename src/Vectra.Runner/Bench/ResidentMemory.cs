using System.Globalization;

namespace Vectra.Runner.Bench;

/// <summary>
/// A process's resident memory from <c>/proc/PID/status</c>: now (<c>VmRSS</c>) and its peak so far (<c>VmHWM</c>, what
/// GNU <c>time</c>'s <c>%M</c> reports at exit), in KB; and what the resident set is now: anonymous pages (the managed
/// heap, native allocations such as SQLite's page caches, stacks), file-backed pages (the runtime's and SQLite's mapped
/// libraries, the write-ahead logs' index files) and shared memory (the runtime's double-mapped JIT code).
/// </summary>
internal readonly record struct ResidentMemory(long ResidentKb, long PeakKb, long AnonKb, long FileKb, long ShmemKb)
{
    /// <summary>The process's figures, or null once it has exited (or on a system without <c>/proc</c>).</summary>
    public static ResidentMemory? Of(int processId)
    {
        try
        {
            long resident = -1, peak = -1, anon = 0, file = 0, shmem = 0;
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                switch (line.AsSpan(0, Math.Max(0, line.IndexOf(':', StringComparison.Ordinal))))
                {
                    case "VmRSS":
                        resident = KbOf(line);
                        break;
                    case "VmHWM":
                        peak = KbOf(line);
                        break;
                    case "RssAnon":
                        anon = KbOf(line);
                        break;
                    case "RssFile":
                        file = KbOf(line);
                        break;
                    case "RssShmem":
                        shmem = KbOf(line);
                        break;
                }
            }
            return resident < 0 || peak < 0 ? null : new ResidentMemory(resident, peak, anon, file, shmem);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // "VmRSS:	  123456 kB"
    private static long KbOf(string line) =>
        long.Parse(line.AsSpan(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim().TrimEnd("kB").Trim(), NumberStyles.None, CultureInfo.InvariantCulture);
}
