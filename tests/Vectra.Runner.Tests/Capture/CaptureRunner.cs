using System.Diagnostics;
using Vectra.Runner.Tests.FeedServer;

namespace Vectra.Runner.Tests.Capture;

/// <summary>The real <c>vectra capture</c> as a child process, with <c>--print-acks</c>: its acknowledged seqs, its stderr, SIGTERM and SIGKILL.</summary>
internal sealed class CaptureRunner : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<long> _acks = [];
    private readonly List<string> _errors = [];
    private readonly Task _readingAcks;

    private CaptureRunner(Process process)
    {
        _process = process;
        _readingAcks = Task.Run(ReadAcksAsync);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (_errors)
                {
                    _errors.Add(line.Data);
                }
            }
        };
        process.BeginErrorReadLine();
    }

    public static CaptureRunner Start(string data, Uri url, params string[] options) =>
        Launch(["capture", "--url", url.ToString(), "--data", data, "--print-acks", "--no-projections", .. options]);

    /// <summary>A capture that runs every projection live beside it, as `vectra capture` does by default.</summary>
    public static CaptureRunner StartWithProjections(string data, Uri url) =>
        Launch(["capture", "--url", url.ToString(), "--data", data, "--print-acks"]);

    /// <summary>A capture (no projections) with extra environment variables, e.g. <c>VECTRA__CAPTURE__…</c> settings.</summary>
    public static CaptureRunner StartWithEnvironment(string data, Uri url, IReadOnlyDictionary<string, string> environment, params string[] options) =>
        Launch(["capture", "--url", url.ToString(), "--data", data, "--print-acks", "--no-projections", .. options], environment);

    internal static CaptureRunner Launch(string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = VectraProcess.StartInfo(arguments);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return new(Process.Start(start) ?? throw new InvalidOperationException("could not start vectra"));
    }

    public IReadOnlyList<long> Acks
    {
        get
        {
            lock (_acks)
            {
                return [.. _acks];
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_errors)
            {
                return string.Join('\n', _errors);
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits until stderr holds a line containing <paramref name="text"/>; bounded.</summary>
    public async Task WaitForStderrAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!Stderr.Contains(text, StringComparison.Ordinal))
        {
            if (deadline.Elapsed > timeout || _process.HasExited)
            {
                throw new TimeoutException($"vectra capture never wrote '{text}'; stderr:\n{Stderr}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Waits for <paramref name="count"/> acknowledgements; on timeout the message carries stderr and, when given, the feed server's transcript.</summary>
    public async Task WaitForAcksAsync(int count, TimeSpan timeout, FeedServerProcess? server = null)
    {
        var deadline = Stopwatch.StartNew();
        while (Acks.Count < count)
        {
            if (deadline.Elapsed > timeout || _process.HasExited)
            {
                var transcript = server is null ? "" : $"\nfeed server:\n{server.Transcript()}";
                throw new TimeoutException($"vectra capture acknowledged {Acks.Count} of {count} records; stderr:\n{Stderr}{transcript}");
            }
            await Task.Delay(10);
        }
    }

    /// <summary>SIGKILL: no chance to clean up.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        await _readingAcks;
    }

    /// <summary>Sends SIGTERM and waits up to <paramref name="limit"/>; returns the exit code, or null if it still ran.</summary>
    public async Task<int?> TerminateAsync(TimeSpan limit)
    {
        UnixSignal.Terminate(_process.Id);
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        await _readingAcks;
        return _process.ExitCode;
    }

    private async Task ReadAcksAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("ack ", StringComparison.Ordinal))
            {
                lock (_acks)
                {
                    _acks.Add(long.Parse(line.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        await _readingAcks;
        _process.Dispose();
    }
}
