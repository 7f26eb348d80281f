using System.Collections.Concurrent;
using Vectra.Journal.Threading;

namespace Vectra.Runner.Serve;

/// <summary>
/// The one thread that does the dashboard's reading and rendering (pages, the live feed's journal reads), at a low CPU
/// priority (10 nice steps below the process), so that a capture in the same process or on the same machine keeps the CPU whenever both want it.
/// </summary>
/// <remarks>
/// Why: on a small machine the capture's receive→durable latency rose while pages were rendered on the thread pool
/// beside it. An idle machine runs this thread at full speed; the priority only decides who waits when both are busy.
/// Failure policy: an exception thrown by a piece of work goes to its caller's task; the thread goes on with the next.
/// </remarks>
internal sealed class DashboardWorker : IDisposable
{
    private const int NiceSteps = 10;

    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread _thread;

    public DashboardWorker()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "vectra-dashboard" };
        _thread.Start();
    }

    /// <summary>Runs <paramref name="work"/> on the dashboard's thread; the task ends with its result or its exception.</summary>
    public Task<T> RunAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            _work.Add(() =>
            {
                try
                {
                    done.SetResult(work());
                }
                catch (Exception error)
                {
                    done.SetException(error);
                }
            });
        }
        catch (Exception error) when (error is InvalidOperationException or ObjectDisposedException)
        {
            done.SetException(new ObjectDisposedException(nameof(DashboardWorker), "the dashboard is stopping."));
        }
        return done.Task;
    }

    private void Run()
    {
        ThreadNice.TryLowerBy(NiceSteps);
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        if (_thread.Join(TimeSpan.FromSeconds(2)))
        {
            _work.Dispose();
        }
    }
}
