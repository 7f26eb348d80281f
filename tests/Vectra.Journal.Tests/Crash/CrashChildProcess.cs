using System.Collections.Concurrent;
using System.Diagnostics;

namespace Vectra.Journal.Tests.Crash;

/// <summary>Runs the crash child (a real process appending to a journal) and collects the acks it prints.</summary>
internal sealed class CrashChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<long> _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CrashChildProcess(string dataDirectory, long firstIndex, string durability, int writers = 1,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var child = Path.Combine(AppContext.BaseDirectory, "Vectra.Journal.CrashChild.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { child, dataDirectory, firstIndex.ToString(), durability, writers.ToString() })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => OnLine(line.Data);
        _process.ErrorDataReceived += (_, line) => { if (line.Data is not null) { Errors.Add(line.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>(seq, index) for every acknowledged append, in the order printed.</summary>
    public ConcurrentQueue<(long Seq, long Index)> Acks { get; } = new();

    public ConcurrentBag<string> Errors { get; } = [];

    /// <summary>The journal's tail as the child saw it when it opened the journal.</summary>
    public Task<long> Opened => _opened.Task;

    /// <summary>The tail the child opened the journal at, or null when it exited (or <paramref name="limit"/> passed) before opening it.</summary>
    public async Task<long?> WaitForOpenAsync(TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (!_opened.Task.IsCompleted && !_process.HasExited && deadline.Elapsed < limit)
        {
            await Task.Delay(5);
        }
        if (_process.HasExited)
        {
            _process.WaitForExit(); // drains the redirected output, so an "open" printed just before exiting counts
        }
        return _opened.Task.IsCompleted ? _opened.Task.Result : null;
    }

    public async Task WaitForAcksAsync(int count, TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        while (Acks.Count < count && deadline.Elapsed < limit && !_process.HasExited)
        {
            await Task.Delay(2);
        }
    }

    /// <summary>SIGKILL: no handler runs, no buffer is flushed.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }
        var parts = line.Split(' ');
        if (parts[0] == "open")
        {
            _opened.TrySetResult(long.Parse(parts[1]));
        }
        else if (parts[0] == "ack")
        {
            Acks.Enqueue((long.Parse(parts[1]), long.Parse(parts[2])));
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }
}
