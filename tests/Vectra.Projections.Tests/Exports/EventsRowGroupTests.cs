using Parquet;
using Parquet.Schema;
using Vectra.Projections.Exports;
using Vectra.Projections.Exports.Types;
using Vectra.Projections.Runtime;
using Vectra.Projections.Tests.Rugs;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Exports;

/// <summary>
/// An <c>events</c> file's row groups end once their payloads hold <see cref="EventsExport.RowGroupChars"/> characters,
/// which bounds the buffers Parquet.Net takes to encode and compress a group, and every record is still a row.
/// </summary>
public class EventsRowGroupTests
{
    [Fact]
    public async Task Events_row_groups_end_at_the_character_bound_and_keep_every_record()
    {
        using var folder = new TempFolder();
        var records = ExportsMatchViewsTests.Records(20, "");
        await ProjectionHarness.JournalAsync(folder.Path, records);
        using (var runner = ProjectionRunner.Open(folder.Path, ProjectionCatalog.AllWithEvents(ExportOptions.Default)))
        {
            runner.CatchUp();
        }

        var files = Directory.GetFiles(Path.Combine(folder.Path, "exports", "doc_type=events"), "*.parquet", SearchOption.AllDirectories);
        long rows = 0, groups = 0, payloadChars = 0;
        foreach (var file in files)
        {
            await using var reader = await ParquetReader.CreateAsync(file);
            var data = reader.Schema.GetDataFields().Single(f => f.Name == "data");
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var values = new string?[group.RowCount];
                await group.ReadAsync(data, values.AsMemory());
                var lengths = values.Select(v => (long)(v?.Length ?? 0)).ToArray();
                // A group ends after the row that reaches the bound, so all but its last row stay under it.
                Assert.True(lengths.Sum() - lengths[^1] < EventsExport.RowGroupChars,
                    $"{Path.GetFileName(file)} group {g}: {lengths.Sum()} characters in {lengths.Length} rows");
                rows += lengths.Length;
                payloadChars += lengths.Sum();
                groups++;
            }
        }

        Assert.True(payloadChars > 2 * EventsExport.RowGroupChars, $"only {payloadChars} payload characters: too few to split groups");
        Assert.True(groups >= payloadChars / EventsExport.RowGroupChars, $"{groups} row groups for {payloadChars} payload characters");
        Assert.Equal(records.Count, rows);
    }
}
