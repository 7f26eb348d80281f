using Vectra.Runner.Import;
using Vectra.Tests.Common;
using static Vectra.Runner.Tests.Import.ImportHarness;

namespace Vectra.Runner.Tests.Import;

public class ReplayerImportTests
{
    private const string Start = """{"type": "game_start", "timestamp": "2025-10-29T18:36:08.375715", "game_id": "20251029-e0e72b644b944a13"}""";
    private const string Tick = """{"type": "tick", "timestamp": "2025-10-29T18:36:08.376110", "game_id": "20251029-e0e72b644b944a13", "tick": 347, "price": 37.168023096688245, "phase": "ACTIVE_GAMEPLAY", "active": true, "rugged": false, "cooldown_timer": 0, "trade_count": 0}""";
    private const string End = """{"type": "game_end", "timestamp": "2025-10-29T18:39:08.592878", "game_id": "20251029-e0e72b644b944a13", "total_ticks": 719, "tick_range": [347, 1066], "price_range": [0.0186, 148.28], "peak_price": 148.28, "final_price": 0.0186}""";

    [Fact]
    public async Task Each_line_is_a_replayer_event_named_by_its_type_with_the_line_verbatim_as_its_one_arg()
    {
        using var folder = new TempFolder();
        var imported = await ImportAsync(folder, "game_20251029_183608.jsonl", $"{Start}\n{Tick}\n{End}\n");

        Assert.Equal(ImportFormat.Replayer, imported.File.Format);
        Assert.Equal(["replayer/game_start", "replayer/tick", "replayer/game_end"], imported.Frames.Select(r => r.Event));
        Assert.Equal([Utf8($"[{Start}]"), Utf8($"[{Tick}]"), Utf8($"[{End}]")], imported.Frames.Select(r => r.Args));
        Assert.All(imported.Frames, r => Assert.Equal(1, r.Conn));
        // 18:36:08 EDT (October) is 22:36:08 UTC.
        Assert.Equal(Micros("2025-10-29T22:36:08.375715Z"), imported.Frames[0].Ts);
    }

    [Fact]
    public async Task Lines_torn_by_two_interleaved_writers_are_skipped_and_counted()
    {
        using var folder = new TempFolder();
        var torn = Tick[..^1] + Tick;
        var glued = "{\"" + Tick;
        var imported = await ImportAsync(folder, "game_20251031_150556.jsonl", $"{Tick}\n{torn}\n{Start}\n{glued}\n{End}\n");

        Assert.Equal(5, imported.File.Lines);
        Assert.Equal(2, imported.File.Skipped);
        Assert.Equal(["replayer/tick", "replayer/game_start", "replayer/game_end"], imported.Frames.Select(r => r.Event));
    }

    [Fact]
    public async Task Session_logs_and_recorder_sink_metadata_become_their_own_events()
    {
        using var folder = new TempFolder();
        const string session = """{"type": "session_start", "timestamp": "2025-10-29T17:46:40.404334", "session_id": "20251029_174640", "starting_balance": 0.05, "max_games": 2}""";
        const string complete = """{"type": "game_complete", "timestamp": "2025-10-29T17:47:28.405327", "game_id": "g", "game_number": 1, "final_tick": 262, "peak_multiplier": 9.24, "server_seed": "0169a2a1090cb0daca81"}""";
        const string metadata = """{"_metadata": {"game_id": "g", "start_time": "2025-10-29T17:50:00", "version": "1.0"}}""";
        var imported = await ImportAsync(folder, "session_20251029_174640.jsonl", $"{session}\n{complete}\n{metadata}\n");

        Assert.Equal(["replayer/session_start", "replayer/game_complete", "replayer/metadata"], imported.Frames.Select(r => r.Event));
        Assert.Equal(Micros("2025-10-29T21:50:00Z"), imported.Frames[2].Ts);
    }
}
