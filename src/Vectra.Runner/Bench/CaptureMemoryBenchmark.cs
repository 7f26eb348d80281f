using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Vectra.Projections.Runtime;
using Vectra.Runner.Simulation;

namespace Vectra.Runner.Bench;

/// <summary>
/// <c>vectra bench capture --minutes M</c>: the resident memory of a long capture with live projections at full speed.
/// A simulated session of a few hundred games (game-shaped frames the projections work on) is played by the Node
/// feed server again and again, each pass with fresh game and trade ids, as fast as the capture takes it; the real
/// <c>vectra capture</c> (projections and sealing as by default) runs as a child process, sampled from <c>/proc</c>
/// every second and reported every <c>--sample-seconds</c>, then stopped with SIGTERM.
/// </summary>
/// <remarks>
/// The recording is written once (about 1.7 MB a game) and looped, never grown; the capture's data folder grows with
/// the journal (sealed), views.db and the exports, and the run stops early when the disk under it has less than
/// <see cref="MinFreeBytes"/> left. The scratch folder is removed at the end whatever happened.
/// </remarks>
internal static class CaptureMemoryBenchmark
{
    private const long MinFreeBytes = 4L << 30;
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(30);

    /// <summary>What the run measured: the curve, the peak, and how the capture stopped.</summary>
    public sealed record Result(
        string Command, string Machine, int Games, long FramesPerPass, double Seconds, long FramesSent, long Journaled, long ProjectedSeq,
        long PeakSampledKb, long? GnuTimePeakKb, int? ExitCode, string? EndedEarly, IReadOnlyList<CaptureMemorySample> Samples, IReadOnlyList<string> CaptureSaid);

    public static async Task<Result> RunAsync(string data, double minutes, int games, int sampleSeconds, string serverFolder, Action<CaptureMemorySample> onSample)
    {
        var scratch = Path.GetFullPath(Path.Combine(data, "bench-capture-" + Guid.NewGuid().ToString("N")[..8]));
        Directory.CreateDirectory(scratch);
        try
        {
            var recording = Path.Combine(scratch, "recording.jsonl");
            long framesPerPass;
            using (var file = File.Create(recording))
            {
                framesPerPass = FeedSimulator.Write(SimulationOptions.Of(games, seed: 1), file).Records;
            }
            using var server = await FeedServerLauncher.StartAsync(serverFolder, recording, "max", loop: true).ConfigureAwait(false);
            var captureData = Path.Combine(scratch, "data");
            using var capture = await CaptureChild.StartAsync($"http://127.0.0.1:{server.Port}", captureData, scratch).ConfigureAwait(false);
            var samples = new List<CaptureMemorySample>();
            var clock = Stopwatch.StartNew();
            var end = TimeSpan.FromMinutes(minutes);
            var nextReport = TimeSpan.FromSeconds(sampleSeconds);
            long peak = 0, lastSent = 0;
            var lastReportAt = TimeSpan.Zero;
            string? endedEarly = null;
            while (clock.Elapsed < end)
            {
                await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
                if (ResidentMemory.Of(capture.CapturePid) is not { } memory)
                {
                    endedEarly = "the capture exited by itself";
                    break;
                }
                peak = Math.Max(peak, memory.PeakKb);
                if (clock.Elapsed >= nextReport)
                {
                    var sent = server.Emitted;
                    var sample = new CaptureMemorySample(
                        (int)clock.Elapsed.TotalSeconds, memory.ResidentKb, memory.PeakKb, memory.AnonKb, memory.FileKb, memory.ShmemKb, sent,
                        (long)((sent - lastSent) / (clock.Elapsed - lastReportAt).TotalSeconds),
                        capture.AckedSeq, capture.Queued, ProjectedSeq(captureData),
                        FilesBytes(captureData, "journal.db*") >> 20, FilesBytes(captureData, "views.db*") >> 20, FolderBytes(Path.Combine(captureData, "exports")) >> 20);
                    (lastSent, lastReportAt) = (sent, clock.Elapsed);
                    nextReport += TimeSpan.FromSeconds(sampleSeconds);
                    samples.Add(sample);
                    onSample(sample);
                }
                if (new DriveInfo(scratch).AvailableFreeSpace < MinFreeBytes)
                {
                    endedEarly = $"less than {MinFreeBytes >> 30} GB free on the disk under {scratch}";
                    break;
                }
            }
            var seconds = clock.Elapsed.TotalSeconds;
            var framesSent = server.Emitted;
            // Sampled once more just before the stop; the stop itself is covered by GNU time's figure.
            peak = Math.Max(peak, ResidentMemory.Of(capture.CapturePid)?.PeakKb ?? 0);
            var exit = endedEarly == "the capture exited by itself" ? null : await capture.StopAsync(StopLimit).ConfigureAwait(false);
            return new Result(
                $"vectra bench capture --minutes {minutes} --games {games}", MachineDescription.Describe(), games, framesPerPass,
                Math.Round(seconds, 1), framesSent, capture.AckedSeq, ProjectedSeq(captureData), peak, capture.GnuTimePeakKb(), exit, endedEarly,
                samples, capture.LastLines);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    // The lowest checkpoint: every projection has applied the journal up to it.
    private static long ProjectedSeq(string data)
    {
        var views = new ViewsFiles(data).Database;
        if (!File.Exists(views))
        {
            return 0;
        }
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = views, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(MIN(seq), 0) FROM projection_checkpoints";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // not created yet, or busy for a moment: the next sample tells
        }
    }

    private static long FolderBytes(string folder) =>
        Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(SafeLength) : 0;

    private static long FilesBytes(string folder, string pattern) =>
        Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles(pattern).Sum(SafeLength) : 0;

    private static long SafeLength(FileInfo file)
    {
        try
        {
            return file.Length;
        }
        catch (FileNotFoundException)
        {
            return 0; // an export's temporary file renamed meanwhile
        }
    }
}
