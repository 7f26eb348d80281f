using System.Text;
using Vectra.Journal.Records;
using Vectra.Projections.Runtime;
using Vectra.Projections.Tests.Rugs;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Runtime;

public class ProjectionRunnerTests
{
    private static JournalRecord Record(string eventName, string args = "[{}]") =>
        new(0, 1_765_000_000_000_000, Guid.Empty, 1, "live", eventName, Encoding.UTF8.GetBytes(args));

    [Fact]
    public async Task A_record_whose_handler_throws_is_quarantined_without_any_partial_effect_and_nothing_else_stops()
    {
        using var folder = new TempFolder();
        await ProjectionHarness.JournalAsync(folder.Path, [Record("a"), Record("poison"), Record("b"), Record("standard/newTrade", "[{\"no\":\"id\"}]"), Record("c")]);

        using (var runner = ProjectionRunner.Open(folder.Path, [new CountingProjection(), .. ProjectionCatalog.All()]))
        {
            runner.CatchUp();
            var states = runner.States().ToDictionary(s => s.Name);
            Assert.Equal((5L, 1L), (states["counting"].Checkpoint, states["counting"].Quarantined));
            Assert.Equal((5L, 1L), (states["rugs"].Checkpoint, states["rugs"].Quarantined));
        }

        Assert.Equal([1L, 3, 4, 5], ProjectionHarness.Query(folder.Path, "SELECT seq FROM counted ORDER BY seq", r => r.GetInt64(0)));
        var quarantined = ProjectionStates.Quarantined(folder.Path);
        Assert.Equal([("counting", 2L, "poison"), ("rugs", 4L, "standard/newTrade")], quarantined.Select(q => (q.Projection, q.Seq, q.Event)));
        Assert.Contains("cannot digest record 2", quarantined[0].Error);
        Assert.Contains("no string id", quarantined[1].Error);
    }

    [Fact]
    public async Task Over_a_range_read_ahead_in_several_batches_poisoned_records_are_quarantined_and_every_other_record_is_applied_once()
    {
        using var folder = new TempFolder();
        const int Count = 12_345;
        long[] poisoned = [2, 5_001, 7_777, Count];
        await ProjectionHarness.JournalAsync(folder.Path, Enumerable.Range(1, Count).Select(seq => Record(poisoned.Contains(seq) ? "poison" : "a")));

        using (var runner = ProjectionRunner.Open(folder.Path, [new CountingProjection()]))
        {
            Assert.Equal(Count, runner.CatchUp());
            var state = Assert.Single(runner.States());
            Assert.Equal((Count, 4L), (state.Checkpoint, state.Quarantined));
        }

        var counted = ProjectionHarness.Query(folder.Path, "SELECT seq FROM counted ORDER BY seq", r => r.GetInt64(0));
        Assert.Equal(Enumerable.Range(1, Count).Select(seq => (long)seq).Where(seq => !poisoned.Contains(seq)), counted);
        Assert.Equal(poisoned, ProjectionStates.Quarantined(folder.Path).Select(q => q.Seq));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(12_345)]
    public async Task What_a_projection_prepares_reaches_its_apply_and_a_record_it_cannot_prepare_is_quarantined(int count)
    {
        using var folder = new TempFolder();
        long[] unreadable = [3, count - 1];
        await ProjectionHarness.JournalAsync(folder.Path, Enumerable.Range(1, count).Select(seq => Record(unreadable.Contains(seq) ? "unreadable" : "a")));

        using (var runner = ProjectionRunner.Open(folder.Path, [new PreparingProjection()]))
        {
            runner.CatchUp();
        }

        var rows = ProjectionHarness.Query(folder.Path, "SELECT seq, value FROM prepared ORDER BY seq", r => (r.GetInt64(0), r.GetInt64(1)));
        Assert.Equal(Enumerable.Range(1, count).Select(seq => (long)seq).Where(seq => !unreadable.Contains(seq)).Select(seq => (seq, seq * 2)), rows);
        var quarantined = ProjectionStates.Quarantined(folder.Path);
        Assert.Equal(unreadable, quarantined.Select(q => q.Seq));
        Assert.All(quarantined, q => Assert.Contains($"cannot read record {q.Seq}", q.Error));
    }

    [Fact]
    public async Task A_record_whose_data_breaks_a_constraint_in_apply_or_in_the_flush_is_quarantined_alone_and_the_rest_of_its_batch_is_applied()
    {
        using var folder = new TempFolder();
        string[] events = ["a", "null-at-flush", "b", "duplicate", "c", "null-at-flush", "d"];
        await ProjectionHarness.JournalAsync(folder.Path, events.Select(e => Record(e)));

        using (var runner = ProjectionRunner.Open(folder.Path, [new FlushingProjection(), .. ProjectionCatalog.All()]))
        {
            runner.CatchUp();
            Assert.All(runner.States(), state => Assert.Equal(7L, state.Checkpoint));
            Assert.Equal(3L, runner.States().Single(s => s.Name == "flushing").Quarantined);
        }

        Assert.Equal([(1L, "a"), (3L, "b"), (5L, "c"), (7L, "d")], ProjectionHarness.Query(folder.Path, "SELECT seq, event FROM flushed ORDER BY seq", r => (r.GetInt64(0), r.GetString(1))));
        Assert.Empty(ProjectionHarness.Query(folder.Path, "SELECT id FROM applied", r => r.GetInt64(0)));
        var quarantined = ProjectionStates.Quarantined(folder.Path);
        Assert.Equal([2L, 4, 6], quarantined.Select(q => q.Seq));
        Assert.All(quarantined, q => Assert.Contains("constraint failed", q.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_full_views_db_stops_the_runner_with_nothing_of_the_batch_committed_and_nothing_quarantined()
    {
        using var folder = new TempFolder();
        await ProjectionHarness.JournalAsync(folder.Path, [Record("a"), Record("b")]);
        using (var runner = ProjectionRunner.Open(folder.Path, [new FlushingProjection()]))
        {
            runner.CatchUp();
        }
        await ProjectionHarness.JournalAsync(folder.Path, [Record("c"), Record("disk-full"), Record("d")]);

        using (var runner = ProjectionRunner.Open(folder.Path, [new FlushingProjection()]))
        {
            var full = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => runner.CatchUp());
            Assert.Equal(13, full.SqliteErrorCode);
        }

        var state = Assert.Single(ProjectionStates.Read(folder.Path, 5));
        Assert.Equal((2L, 0L), (state.Checkpoint, state.Quarantined));
        Assert.Equal([1L, 2], ProjectionHarness.Query(folder.Path, "SELECT seq FROM flushed ORDER BY seq", r => r.GetInt64(0)));
    }

    [Fact]
    public async Task A_changed_version_rebuilds_that_projection_from_seq_1_on_start()
    {
        using var folder = new TempFolder();
        await ProjectionHarness.JournalAsync(folder.Path, [Record("a"), Record("b")]);
        using (var runner = ProjectionRunner.Open(folder.Path, [new CountingProjection(version: 1)]))
        {
            runner.CatchUp();
        }
        await ProjectionHarness.JournalAsync(folder.Path, [Record("c")]);
        using (var runner = ProjectionRunner.Open(folder.Path, [new CountingProjection(version: 2)]))
        {
            Assert.Equal(0, runner.States().Single().Checkpoint);
            runner.CatchUp();
        }
        Assert.Equal([(1L, 2L), (2L, 2L), (3L, 2L)], ProjectionHarness.Query(folder.Path, "SELECT seq, version FROM counted ORDER BY seq", r => (r.GetInt64(0), r.GetInt64(1))));
    }

    [Fact]
    public async Task An_unchanged_version_resumes_from_its_checkpoint()
    {
        using var folder = new TempFolder();
        await ProjectionHarness.JournalAsync(folder.Path, [Record("a"), Record("b")]);
        using (var runner = ProjectionRunner.Open(folder.Path, [new CountingProjection()]))
        {
            Assert.Equal(2, runner.CatchUp());
        }
        await ProjectionHarness.JournalAsync(folder.Path, [Record("c")]);
        using (var runner = ProjectionRunner.Open(folder.Path, [new CountingProjection()]))
        {
            Assert.Equal(2, runner.States().Single().Checkpoint);
            Assert.Equal(1, runner.CatchUp());
        }
    }

    [Fact]
    public async Task A_second_process_running_projections_on_the_same_folder_is_refused_naming_the_first()
    {
        using var folder = new TempFolder();
        await ProjectionHarness.JournalAsync(folder.Path, [Record("a")]);
        using var first = ProjectionRunner.Open(folder.Path, [new CountingProjection()]);
        var error = Assert.Throws<Journal.Errors.JournalLockedException>(() => ProjectionRunner.Open(folder.Path, [new CountingProjection()]));
        Assert.Contains($"process {Environment.ProcessId}", error.Message);
    }
}
