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
        var prober = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                WriterLock.DescribeHolder(files);
                Interlocked.Increment(ref probes);
            }
        });
        var refused = 0;
        var started = DateTime.UtcNow;
        var attempts = 0;
        // Bounded by count and time: 300 starts or 20 s, whichever comes first.
        while (attempts < 300 && DateTime.UtcNow - started < TimeSpan.FromSeconds(20))
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
        stop.Cancel();
        await prober;
        Assert.True(Interlocked.Read(ref probes) > attempts, $"only {probes} probes ran beside {attempts} starts");
        Assert.Equal(0, refused);

        using var held = WriterLock.Acquire(files);
        var second = Assert.Throws<JournalLockedException>(() => WriterLock.Acquire(files));
        Assert.Contains($"process {Environment.ProcessId}", second.Message);
    }
}
