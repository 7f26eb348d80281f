using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Snapshots;

/// <summary>The snapshot assertion itself: it must fail on a changed row, name that row, and leave a received file.</summary>
public class SnapshotFileTests
{
    private static readonly string[] Rows =
    [
        """{"game_id":"20251212-aaaa","rug_tick":139}""",
        """{"game_id":"20251212-bbbb","rug_tick":73}""",
    ];

    [Fact]
    public void A_changed_row_fails_with_a_diff_naming_the_row_and_writes_the_received_file()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("games.verified.json"), SnapshotFile.Render(Rows));

        var changed = new[] { Rows[0], """{"game_id":"20251212-bbbb","rug_tick":74}""" };
        var error = Assert.Throws<SnapshotMismatchException>(() => SnapshotFile.Verify(folder.Path, "games", changed, accept: false));

        Assert.Contains("- {\"game_id\":\"20251212-bbbb\",\"rug_tick\":73}", error.Message);
        Assert.Contains("+ {\"game_id\":\"20251212-bbbb\",\"rug_tick\":74}", error.Message);
        Assert.DoesNotContain("20251212-aaaa", error.Message);
        Assert.Equal(SnapshotFile.Render(changed), File.ReadAllText(folder.File("games.received.json")));
    }

    [Fact]
    public void Matching_rows_pass_and_remove_a_stale_received_file()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("games.verified.json"), SnapshotFile.Render(Rows));
        File.WriteAllText(folder.File("games.received.json"), "stale");
        SnapshotFile.Verify(folder.Path, "games", Rows, accept: false);
        Assert.False(File.Exists(folder.File("games.received.json")));
    }

    [Fact]
    public void A_missing_snapshot_fails_and_says_how_to_accept_it()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<SnapshotMismatchException>(() => SnapshotFile.Verify(folder.Path, "games", Rows, accept: false));
        Assert.Contains("VECTRA_ACCEPT=1", error.Message);
        Assert.True(File.Exists(folder.File("games.received.json")));
    }
}
