using System.Diagnostics;

namespace Vectra.Runner.Tests.Cdp;

/// <summary>
/// Debian's headless Chromium as a plain child process with its DevTools port open, as a player would start
/// it for <c>vectra capture --cdp</c>: a given profile folder (so a restart finds the same profile), the port
/// read from the profile's <c>DevToolsActivePort</c> (or Chromium's own "DevTools listening" line), killed by its process id.
/// </summary>
internal sealed class DebuggableChromium : IAsyncDisposable
{
    private const string Executable = Serve.ChromiumBrowser.Executable;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private bool _disposed;

    private DebuggableChromium(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The DevTools HTTP port.</summary>
    public int Port { get; }

    /// <summary>The DevTools address for <c>--cdp</c>.</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>Starts Chromium on <paramref name="port"/> (0: a free one) with <paramref name="url"/> open, and waits until its DevTools port is known.</summary>
    public static async Task<DebuggableChromium> StartAsync(string profile, int port, string url)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install Debian's chromium (apt-get install chromium); .ci/run does it.");
        }
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        // A killed browser leaves its file behind; only the new one's counts.
        File.Delete(portFile);
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            $"--remote-debugging-port={port}", $"--user-data-dir={profile}", url])
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start chromium");
        // Chromium writes a lot on stderr; read it so it never blocks on a full pipe.
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (PortOf(portFile, output) is { } actual)
            {
                return new DebuggableChromium(process, actual);
            }
            if (process.HasExited || clock.Elapsed > StartLimit)
            {
                await Kill(process);
                throw new TimeoutException($"chromium did not open its DevTools port within {StartLimit.TotalSeconds} s (exited: {(process.HasExited ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no")}, port file: {File.Exists(portFile)}, profile {profile}: {string.Join(", ", Directory.EnumerateFileSystemEntries(profile).Select(Path.GetFileName))}); it wrote:\n{string.Join('\n', output.TakeLast(30))}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>The port from the profile's <c>DevToolsActivePort</c>, else from the "DevTools listening on ws://…:PORT/" line (when started from .NET, Chromium 156 was seen not to write the file).</summary>
    private static int? PortOf(string portFile, IEnumerable<string> output)
    {
        if (File.Exists(portFile) && File.ReadAllLines(portFile) is [var first, ..] && int.TryParse(first, out var fromFile) && fromFile > 0)
        {
            return fromFile;
        }
        const string Listening = "DevTools listening on ws://127.0.0.1:";
        foreach (var line in output)
        {
            if (line.StartsWith(Listening, StringComparison.Ordinal))
            {
                var rest = line[Listening.Length..];
                return int.Parse(rest[..rest.IndexOf('/', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return null;
    }

    /// <summary>Kills the browser and every process it started, as a crash or a closed window would end it.</summary>
    public Task KillAsync() => Kill(_process);

    private static async Task Kill(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await Kill(_process);
        _process.Dispose();
    }
}
