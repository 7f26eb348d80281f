using Vectra.Journal.Errors;
using Vectra.Journal.Storage;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Writing;

/// <summary><c>vectra status</c> asks who writes the journal while writers come and go; its question must never turn a writer away.</summary>
public class WriterLockProbeTests
{
    [Fact]
    public async Task A_writer_starting_while_status_probes_the_lock_is_never_refused_and_a_held_lock_still_refuses_a_second_writer()
    {
        using var folder = new TempFolder();
        var files = new JournalFiles(folder.Path);
        using (WriterLock.Acquire(files))
        {
            // Creates the lock file, so every probe below really opens it.
        }
        using var stop = new CancellationTokenSource();
        var probes = 0L;
        // Several status probes at once, as several `vectra status` runs would be, each on a thread of its own: as
        // pool tasks they could wait behind other tests' work until a fast machine had made every start below.
        var probers = Enumerable.Range(0, 3).Select(_ => Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                WriterLock.DescribeHolder(files);
                Interlocked.Increment(ref probes);
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        var started = DateTime.UtcNow;
        while (Interlocked.Read(ref probes) == 0 && DateTime.UtcNow - started < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(1);
        }
        var probesBefore = Interlocked.Read(ref probes);
        var refused = 0;
        started = DateTime.UtcNow;
        var attempts = 0;
        // Bounded by count and time: 2,000 starts or 15 s, whichever comes first.
        while (attempts < 2000 && DateTime.UtcNow - started < TimeSpan.FromSeconds(15))
        {
            attempts++;
            try
            {
                using var writer = WriterLock.Acquire(files);
            }
            catch (JournalLockedException)
            {
                refused++;
            }
        }
        var probesBeside = Interlocked.Read(ref probes) - probesBefore;
        stop.Cancel();
        await Task.WhenAll(probers);
        Assert.True(probesBeside > attempts, $"only {probesBeside} probes ran beside {attempts} starts");
        Assert.Equal(0, refused);

        using var held = WriterLock.Acquire(files);
        var second = Assert.Throws<JournalLockedException>(() => WriterLock.Acquire(files));
        Assert.Contains($"process {Environment.ProcessId}", second.Message);
    }
}
