using System.Globalization;
using System.Text;
using System.Text.Json;
using Vectra.Runner.Capture;
using Vectra.Runner.Simulation;

namespace Vectra.Runner.Tests.FeedServer;

/// <summary>
/// Writes frames as a journal JSONL recording, with the journal's own system records
/// (<c>$session.start</c>, <c>$connection.open</c>) and one torn line mixed in, which the
/// feed server must skip.
/// </summary>
internal static class RecordingFile
{
    private static readonly DateTime Start = new(2025, 12, 12, 22, 16, 58, DateTimeKind.Utc);

    /// <summary>Writes a FeedSimulator session of <paramref name="games"/> games from <paramref name="seed"/> to <paramref name="path"/>; returns the path.</summary>
    public static string WriteSimulated(string path, int games, ulong seed)
    {
        using var file = File.Create(path);
        FeedSimulator.Write(SimulationOptions.Of(games, seed), file);
        return path;
    }

    /// <summary>Writes the recording; returns how many lines are not frames.</summary>
    public static int Write(string path, IReadOnlyList<ReceivedFrame> frames)
    {
        var session = Guid.NewGuid().ToString();
        var seq = 0L;
        var skipped = 0;
        using var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        void WriteRecord(int conn, string eventName, string argsJson)
        {
            seq++;
            var ts = Start.AddTicks(seq * 2_500).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            file.Write($"{{\"meta_seq\":{seq},\"meta_ts\":\"{ts}\",\"meta_session\":\"{session}\",\"meta_conn\":{conn},");
            file.Write($"\"meta_source\":\"simulate\",\"event\":{JsonSerializer.Serialize(eventName)},\"args\":{argsJson}}}\n");
        }

        WriteRecord(0, "$session.start", "[{\"version\":\"test\"}]");
        skipped++;
        for (var i = 0; i < frames.Count; i++)
        {
            if (i % 2_500 == 0)
            {
                WriteRecord(0, "$connection.open", "[{\"url\":\"http://127.0.0.1\",\"sid\":\"x\"}]");
                skipped++;
            }
            if (i == frames.Count / 2)
            {
                file.Write("{\"meta_seq\":99,\"meta_ts\":\"2025-12-12T22:1{\"type\":\"tick\"\n");
                skipped++;
            }
            WriteRecord(1, frames[i].Event, frames[i].ArgsJson);
        }
        return skipped;
    }
}
