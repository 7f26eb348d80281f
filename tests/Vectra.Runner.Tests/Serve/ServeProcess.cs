using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Vectra.Runner.Tests.Serve;

/// <summary>The real <c>vectra serve</c> as a child process on a free loopback port (port 0), stopped on dispose.</summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ServeProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The dashboard's address, as the server printed it.</summary>
    public Uri Url { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>Starts <c>vectra serve --data <paramref name="data"/> --urls http://127.0.0.1:0</c> and waits for its address.</summary>
    public static async Task<ServeProcess> StartAsync(string data)
    {
        var process = Process.Start(VectraProcess.StartInfo("serve", "--data", data, "--urls", "http://127.0.0.1:0"))
            ?? throw new InvalidOperationException("could not start vectra serve");
        var lines = new List<string>();
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (lines)
            {
                lines.Add(line);
            }
            if (Address().Match(line) is { Success: true } match)
            {
                address.TrySetResult(new Uri(match.Value));
            }
        }
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
        var started = await Task.WhenAny(address.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (started != address.Task)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"vectra serve did not print its address; output:\n{string.Join('\n', lines)}");
        }
        var served = new ServeProcess(process, await address.Task);
        lock (lines)
        {
            served._output.AddRange(lines);
        }
        return served;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _process.WaitForExitAsync(guard.Token);
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Address();
}
