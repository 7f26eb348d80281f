using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Blocks;

/// <summary>The sealer yields the CPU to a capture: it seals at the lowest priority, with a normal-priority thread for a tail past its hard bound.</summary>
[Collection(AloneInProcess.Name)]
public class SealerPriorityTests
{
    [Fact]
    public async Task Sealing_runs_on_a_nice_19_thread_beside_a_normal_priority_one_and_both_stop_with_the_writer()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // per-thread nice values are a Linux notion; elsewhere both threads keep the default priority
        }
        var ours = NiceOf(File.ReadAllText("/proc/thread-self/stat"));
        using var folder = new TempFolder();
        using (var writer = JournalWriter.Open(folder.Path, Durability.Batch, Sealing.Every(tail: 50, block: 20)))
        {
            await writer.AppendBatchAsync(Enumerable.Range(1, 300).Select(n => TestRecords.Frame(n)).ToArray());
            var deadline = DateTime.UtcNow.AddSeconds(30);
            var threads = SealerThreads();
            while ((threads.Count < 2 || threads.GetValueOrDefault("vectra-seal-idl") != 19) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
                threads = SealerThreads();
            }
            Assert.Equal(19, threads.GetValueOrDefault("vectra-seal-idl", -1));
            Assert.Equal(ours, threads.GetValueOrDefault("vectra-seal-urg", -1));
            Assert.True((await Sealing.UntilSealedAsync(folder.Path, 240)).BlockRecords >= 240, "the nice thread still seals");
        }
        // A joined thread leaves the process's task list a moment after its managed side ends.
        var gone = DateTime.UtcNow.AddSeconds(10);
        while (SealerThreads().Count > 0 && DateTime.UtcNow < gone)
        {
            await Task.Delay(20);
        }
        Assert.Empty(SealerThreads());
    }

    /// <summary>This process's sealer threads by name (as the kernel truncates it) with their nice values.</summary>
    private static Dictionary<string, int> SealerThreads()
    {
        var threads = new Dictionary<string, int>();
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                if (name.StartsWith("vectra-seal-", StringComparison.Ordinal))
                {
                    threads[name] = NiceOf(stat);
                }
            }
            catch (IOException)
            {
                // the thread ended while being listed
            }
        }
        return threads;
    }

    /// <summary>The nice value in a thread's stat line: after the name, state is field 3 and nice is field 19.</summary>
    private static int NiceOf(string stat) =>
        int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19 - 3], System.Globalization.CultureInfo.InvariantCulture);
}
