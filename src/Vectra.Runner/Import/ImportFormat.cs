namespace Vectra.Runner.Import;

/// <summary>A legacy recording format <c>vectra import</c> reads; its name is the <c>--format</c> value and the suffix of <c>meta_source</c>.</summary>
internal sealed record ImportFormat(string Name, string Description)
{
    /// <summary>The project's own journal JSONL (<c>vectra journal export</c>, <c>vectra simulate</c>).</summary>
    public static ImportFormat Journal { get; } = new("journal", "Vectra journal JSONL: meta_* fields kept, fresh meta_seq at the journal's end");

    /// <summary>claude-flow raw protocol captures: <c>{seq, ts, event, data}</c>, naive local time.</summary>
    public static ImportFormat RawCapture { get; } = new("raw-capture", "{seq, ts, event, data} lines (or one such JSON document), naive local time");

    /// <summary>VECTRA-PLAYER sandbox samples: <c>{timestamp, event_type, data}</c>, naive local time.</summary>
    public static ImportFormat WsSamples { get; } = new("ws-samples", "{timestamp, event_type, data} lines, naive local time");

    /// <summary>The curated rosetta-stone sample document: entries <c>{_meta, event_type, timestamp_ms, data}</c>.</summary>
    public static ImportFormat KeySamples { get; } = new("key-samples", "one JSON object of {_meta, event_type, timestamp_ms, data} entries");

    /// <summary>Browser captures over CDP: <c>{seq, ts, event, data, source, direction}</c>, UTC with offset.</summary>
    public static ImportFormat Cdp { get; } = new("cdp", "{seq, ts, event, data, source, direction} lines, ts with a UTC offset");

    /// <summary>REPLAYER per-game tick logs and session logs: derived ticks, one <c>{type, timestamp, …}</c> object a line.</summary>
    public static ImportFormat Replayer { get; } = new("replayer", "REPLAYER game/session logs: {type, timestamp, …} lines, naive local time");

    /// <summary>Every format, in the order <c>--help</c> lists them.</summary>
    public static IReadOnlyList<ImportFormat> All { get; } = [Journal, RawCapture, WsSamples, KeySamples, Cdp, Replayer];

    /// <summary>The <c>meta_source</c> of records imported in this format.</summary>
    public string Source => $"import:{Name}";

    /// <summary>The format with that name, or null.</summary>
    public static ImportFormat? TryParse(string name) => All.FirstOrDefault(f => f.Name == name);
}
