using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Vectra.Runner.Tests.Nats;

/// <summary>
/// One real <c>nats-server</c> process with JetStream, on free loopback ports and its own store folder. It can be
/// stopped (SIGKILL) and started again on the same ports and store, as a crashed server restarted by its supervisor.
/// </summary>
internal sealed class NatsNode : IDisposable
{
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(30);
    private readonly string[] _routes;
    private Process? _process;

    public NatsNode(string name, string storeFolder, int clientPort, int clusterPort, IReadOnlyList<int> peerClusterPorts)
    {
        Name = name;
        StoreFolder = storeFolder;
        ClientPort = clientPort;
        ClusterPort = clusterPort;
        _routes = [.. peerClusterPorts.Select(p => $"nats://127.0.0.1:{p}")];
    }

    public string Name { get; }

    public string StoreFolder { get; }

    public int ClientPort { get; }

    public int ClusterPort { get; }

    public string Url => $"nats://127.0.0.1:{ClientPort}";

    public bool Running => _process is { HasExited: false };

    /// <summary>Starts the server and waits until it accepts client connections (bounded).</summary>
    public void Start()
    {
        if (Running)
        {
            return;
        }
        Directory.CreateDirectory(StoreFolder);
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-a", "127.0.0.1", "-p", ClientPort.ToString(), "-js", "-sd", StoreFolder, "-n", Name })
        {
            start.ArgumentList.Add(arg);
        }
        if (_routes.Length > 0)
        {
            foreach (var arg in new[] { "--cluster_name", "vectra-test", "--cluster", $"nats://127.0.0.1:{ClusterPort}", "--routes", string.Join(',', _routes) })
            {
                start.ArgumentList.Add(arg);
            }
        }
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilAccepting();
    }

    /// <summary>Kills the server at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    private void WaitUntilAccepting()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyLimit)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"nats-server {Name} exited with {_process.ExitCode} at start.");
            }
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, ClientPort);
                using var reader = new StreamReader(client.GetStream());
                if (reader.ReadLine()?.StartsWith("INFO", StringComparison.Ordinal) == true)
                {
                    return;
                }
            }
            catch (SocketException)
            {
            }
            Thread.Sleep(50);
        }
        Kill();
        throw new TimeoutException($"nats-server {Name} did not accept connections within {ReadyLimit.TotalSeconds} s.");
    }

    /// <summary>The Debian package installs it in /usr/sbin, which a test host's PATH may lack.</summary>
    private static string Executable()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/bin"))
        {
            var candidate = Path.Combine(folder, "nats-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("nats-server is not installed; .ci/run installs it (apt-get install nats-server).");
    }

    /// <summary>A loopback port free at the moment of asking.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => Kill();
}
