using System.Diagnostics;

namespace Vectra.Journal.Writing;

/// <summary>
/// How many records the writer's recent commits carried and whether it is committing now, read from other threads: the
/// sealer's measure of whether appends are piling up behind the writer. A grouped commit takes everything that arrived
/// while the one before it ran, so at the live feed's few frames a second commits carry one or two records, and a
/// capture taking frames as fast as the machine goes makes them hundreds.
/// </summary>
internal sealed class CommitPace
{
    private static readonly TimeSpan Recent = TimeSpan.FromSeconds(1);
    private double _recordsPerCommit;
    private long _runningSince;
    private long _lastEnded;

    /// <summary>Records appended per commit that appended any, averaged with more weight on the latest commits.</summary>
    public double RecordsPerCommit => Volatile.Read(ref _recordsPerCommit);

    /// <summary>
    /// Whether a commit is running or one that appended ended within the last second; past that the writer is idle, whatever it did
    /// before. (A second, not less: a full-speed capture's garbage collections stop every thread for up to a few hundred ms.)
    /// </summary>
    public bool IsCommitting
    {
        get
        {
            var ended = Volatile.Read(ref _lastEnded);
            return Volatile.Read(ref _runningSince) != 0 || (ended != 0 && Stopwatch.GetElapsedTime(ended) < Recent);
        }
    }

    /// <summary>A commit starts (on the committing thread).</summary>
    public void Start() => Volatile.Write(ref _runningSince, Stopwatch.GetTimestamp());

    /// <summary>
    /// The commit started last has ended, having appended <paramref name="records"/> records (none when it failed). A
    /// commit that appended nothing (a block stored alone) leaves the pace as it was: counted, the sealer's own commits
    /// after a burst kept it giving way to itself, one block a second, for eight seconds.
    /// </summary>
    public void Stop(long records)
    {
        if (records > 0)
        {
            Volatile.Write(ref _recordsPerCommit, (0.75 * _recordsPerCommit) + (0.25 * records));
            Volatile.Write(ref _lastEnded, Stopwatch.GetTimestamp());
        }
        Volatile.Write(ref _runningSince, 0);
    }
}
