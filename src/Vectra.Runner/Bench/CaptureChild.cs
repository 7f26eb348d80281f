using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Vectra.Runner.Bench;

/// <summary>
/// The real <c>vectra capture</c> (live projections on, sealing as configured) as a child process, for the long
/// capture benchmark: its pid for <c>/proc</c> sampling, its progress lines, SIGTERM, and, when GNU <c>time</c> is
/// installed at <c>/usr/bin/time</c>, the peak resident memory that <c>time -f %M</c> reports at its exit.
/// </summary>
internal sealed partial class CaptureChild : IDisposable
{
    private const string GnuTime = "/usr/bin/time";
    private readonly Process _process;
    private readonly string? _timeOutput;
    private readonly List<string> _lastLines = [];

    private CaptureChild(Process process, int capturePid, string? timeOutput)
    {
        _process = process;
        CapturePid = capturePid;
        _timeOutput = timeOutput;
        process.ErrorDataReceived += (_, line) => Heard(line.Data);
        process.BeginErrorReadLine();
        process.OutputDataReceived += (_, line) => Heard(line.Data);
        process.BeginOutputReadLine();
    }

    /// <summary>The capturing process (under GNU <c>time</c>, its child).</summary>
    public int CapturePid { get; }

    /// <summary>The journal's last durable seq from the newest progress line (0 before the first).</summary>
    public long AckedSeq { get; private set; }

    /// <summary>Frames waiting in the capture's queue for the journal, from the newest progress line.</summary>
    public long Queued { get; private set; }

    /// <summary>The newest lines the capture wrote (stderr and stdout), for its own account of how it stopped.</summary>
    public IReadOnlyList<string> LastLines
    {
        get
        {
            lock (_lastLines)
            {
                return [.. _lastLines];
            }
        }
    }

    /// <summary>Starts <c>vectra capture --url URL --data DATA</c> with this build's vectra.dll.</summary>
    public static async Task<CaptureChild> StartAsync(string url, string data, string scratch)
    {
        var timeOutput = File.Exists(GnuTime) ? Path.Combine(scratch, "capture.time") : null;
        var start = new ProcessStartInfo(timeOutput is null ? "dotnet" : GnuTime)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        string[] arguments = timeOutput is null
            ? [Path.Combine(AppContext.BaseDirectory, "vectra.dll"), "capture", "--url", url, "--data", data]
            : ["-f", "%M", "-o", timeOutput, "dotnet", Path.Combine(AppContext.BaseDirectory, "vectra.dll"), "capture", "--url", url, "--data", data];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start vectra capture.");
        var capturePid = timeOutput is null ? process.Id : await ChildOfAsync(process.Id).ConfigureAwait(false);
        return new CaptureChild(process, capturePid, timeOutput);
    }

    /// <summary>Sends SIGTERM and waits for the exit; returns the exit code, or null when it had not exited within <paramref name="limit"/>.</summary>
    public async Task<int?> StopAsync(TimeSpan limit)
    {
        UnixSignal.Terminate(CapturePid);
        try
        {
            await _process.WaitForExitAsync().WaitAsync(limit).ConfigureAwait(false);
            return _process.ExitCode;
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>GNU <c>time</c>'s <c>%M</c> of the capture after it exited (KB), or null without GNU time.</summary>
    public long? GnuTimePeakKb()
    {
        if (_timeOutput is null || !File.Exists(_timeOutput))
        {
            return null;
        }
        var last = File.ReadLines(_timeOutput).LastOrDefault(line => line.Length > 0 && char.IsAsciiDigit(line[0]));
        return last is null ? null : long.Parse(last, CultureInfo.InvariantCulture);
    }

    private void Heard(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (AckedSeqPattern().Match(line) is { Success: true } acked)
        {
            AckedSeq = long.Parse(acked.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        }
        if (QueuedPattern().Match(line) is { Success: true } queued)
        {
            Queued = long.Parse(queued.Groups[1].ValueSpan, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        }
        lock (_lastLines)
        {
            _lastLines.Add(line);
            if (_lastLines.Count > 20)
            {
                _lastLines.RemoveAt(0);
            }
        }
    }

    // GNU time forks the command: its pid is the only child listed under time's own task.
    private static async Task<int> ChildOfAsync(int parent)
    {
        var children = $"/proc/{parent}/task/{parent}/children";
        for (var attempt = 0; attempt < 500; attempt++)
        {
            if (File.Exists(children) && File.ReadAllText(children).Trim() is { Length: > 0 } text)
            {
                return int.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
            }
            await Task.Delay(10).ConfigureAwait(false);
        }
        throw new InvalidOperationException($"{GnuTime} started no capture process within 5 s.");
    }

    [GeneratedRegex(@"acked seq (\d+)")]
    private static partial Regex AckedSeqPattern();

    [GeneratedRegex(@"queued ([\d,]+)")]
    private static partial Regex QueuedPattern();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
