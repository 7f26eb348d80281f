using Vectra.Journal.Jsonl;
using Vectra.Journal.Records;

namespace Vectra.Runner.Simulation;

/// <summary>
/// The deterministic public-feed simulator: the same options give the same records, bytes and truth on every run
/// and machine. Entry points for <c>vectra simulate</c> and for tests of projections.
/// </summary>
public static class FeedSimulator
{
    /// <summary>The <c>meta_source</c> of simulated records.</summary>
    public const string Source = "simulate";

    /// <summary>The connection number of simulated frames.</summary>
    public const int Connection = 1;

    private const ulong SessionStream = 3;
    private const ulong TornStream = 4;

    /// <summary>The session uuid of a simulation, derived from its seed.</summary>
    public static Guid SessionOf(ulong seed) => new SimRandom(seed, SessionStream).NextGuid();

    /// <summary>The journal records of the simulated session, <c>meta_seq</c> from 1, streamed game by game.</summary>
    public static IEnumerable<JournalRecord> Records(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var session = SessionOf(options.Seed);
        using var script = new FeedScript(new SimulationPlan(options), options);
        var reconnect = options.Faults.Reconnect ? ReconnectGap.For(options) : null;
        long seq = 0;
        foreach (var frame in script.Frames())
        {
            if (reconnect is null)
            {
                yield return new JournalRecord(++seq, frame.Ts, session, Connection, Source, frame.Event, frame.Args);
                continue;
            }
            foreach (var (ts, conn, eventName, args) in reconnect.Pass(frame.Ts, frame.Event, frame.Args))
            {
                yield return new JournalRecord(++seq, ts, session, conn, Source, eventName, args);
            }
        }
    }

    /// <summary>The ground truth: the ten games of the opening history window (not live), then every played game.</summary>
    public static IReadOnlyList<GameTruth> Truth(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SimulationPlan(options).Truth;
    }

    /// <summary>The ground truth of the <c>--player</c> of <paramref name="options"/>: every request with its answer, every state, the rugpool entries.</summary>
    public static PlayerTruth PlayerTruth(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Player is null)
        {
            throw new ArgumentException("The options name no player (--player ID).", nameof(options));
        }
        using var script = new FeedScript(new SimulationPlan(options), options);
        foreach (var _ in script.Frames())
        {
        }
        return script.Player!;
    }

    /// <summary>Writes the session as journal JSONL to <paramref name="output"/> (with garbage lines under the <c>torn</c> fault).</summary>
    public static SimulationSummary Write(SimulationOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var torn = options.Faults.Torn ? new TornLineInjector(new SimRandom(options.Seed, TornStream)) : null;
        using var line = new MemoryStream();
        using var writer = new JsonlRecordWriter(line);
        long records = 0;
        foreach (var record in Records(options))
        {
            line.SetLength(0);
            writer.Write(record);
            var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
            torn?.BeforeLine(bytes, output);
            output.Write(bytes);
            records++;
        }
        output.Flush();
        return new SimulationSummary(records, options.Games, torn?.Written ?? 0, SessionOf(options.Seed));
    }

    /// <summary>Writes the ground truth of <paramref name="options"/> as JSON (the <c>--truth FILE</c> output).</summary>
    public static void WriteTruth(SimulationOptions options, Stream output) =>
        TruthJson.Write(Truth(options), options.Player is null ? null : PlayerTruth(options), output);
}
