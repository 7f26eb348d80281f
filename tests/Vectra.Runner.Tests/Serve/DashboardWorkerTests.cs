using Vectra.Runner.Serve;

namespace Vectra.Runner.Tests.Serve;

/// <summary>The dashboard's reading thread: low priority, results and failures handed back to the caller.</summary>
public sealed class DashboardWorkerTests
{
    [Fact]
    public async Task Work_runs_on_one_thread_10_nice_steps_below_the_caller_so_a_capture_beside_it_keeps_the_cpu()
    {
        var caller = ThisThread();
        using var worker = new DashboardWorker();
        var first = await worker.RunAsync(ThisThread);
        var second = await worker.RunAsync(ThisThread);

        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(Environment.CurrentManagedThreadId, first.Id);
        Assert.Equal(Math.Min(19, caller.Nice + 10), first.Nice);
        Assert.Equal(caller.Nice, ThisThread().Nice);
    }

    [Fact]
    public async Task A_failing_piece_of_work_fails_its_caller_and_the_next_one_still_runs()
    {
        using var worker = new DashboardWorker();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => worker.RunAsync<int>(() => throw new InvalidOperationException("views.db is gone")));
        Assert.Equal("views.db is gone", error.Message);
        Assert.Equal(42, await worker.RunAsync(() => 42));
    }

    [Fact]
    public async Task Work_handed_over_after_the_dashboard_stopped_fails_instead_of_waiting_for_ever()
    {
        var worker = new DashboardWorker();
        worker.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => worker.RunAsync(() => 1).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>The calling thread's managed id and its nice value, field 19 of /proc/thread-self/stat.</summary>
    private static (int Id, int Nice) ThisThread()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (Environment.CurrentManagedThreadId, int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture));
    }
}
