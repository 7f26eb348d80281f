using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Vectra.Journal.Blocks;
using Vectra.Journal.Jsonl;
using Vectra.Journal.Reading;
using Vectra.Journal.Records;
using Vectra.Journal.Writing;
using Vectra.Tests.Common;

namespace Vectra.Journal.Tests.Jsonl;

/// <summary>Any event name and any JSON args come back byte-identical, through the API and through export/import.</summary>
public sealed class RoundTripProperties : IDisposable
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(150);
    private readonly TempFolder _folder = new();

    private static Gen<NewRecord> Records =>
        Gen.Zip(Gen.Zip(JsonTextGen.EventName, JsonTextGen.Args), Gen.Zip(Gen.Choose(0, 1_000_000), Gen.Choose(0, 7)))
            .Select(t => NewRecord.FromText(t.Item1.Item1, t.Item1.Item2, 1_765_000_000_000_000L + t.Item2.Item1 * 997L, Guid.NewGuid(), t.Item2.Item2, "live"));

    [Fact]
    public void Records_read_back_through_the_api_are_byte_identical()
    {
        using var writer = JournalWriter.Open(_folder.Path, Durability.Batch);
        using var reader = JournalReader.Open(_folder.Path);
        Prop.ForAll(Records.ArrayOf().Where(a => a.Length > 0).ToArbitrary(), batch =>
        {
            var range = writer.AppendBatchAsync(batch).GetAwaiter().GetResult();
            var stored = reader.ReadSeqRange(range.First, range.Last).ToArray();
            return stored.Length == batch.Length
                && stored.Select((r, i) => r.SameAs(batch[i].At(range.First + i))).All(same => same);
        }).Check(Runs);
    }

    [Fact]
    public void A_record_written_as_a_jsonl_line_parses_back_byte_identical()
    {
        Prop.ForAll(Records.ToArbitrary(), Gen.Choose(1, int.MaxValue).ToArbitrary(), (record, seq) =>
        {
            var original = record.At(seq);
            using var buffer = new MemoryStream();
            using (var writer = new JsonlRecordWriter(buffer))
            {
                writer.Write(original);
            }
            var line = buffer.ToArray();
            var parsed = JsonlRecordParser.TryParse(line.AsSpan(0, line.Length - 1), out var error);
            return line[^1] == (byte)'\n' && line.Count(b => b == (byte)'\n') == 1 && error is null && parsed!.SameAs(original);
        }).Check(Runs);
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_journal_then_export_again_gives_identical_bytes()
    {
        var records = Records.Sample(400, 30);
        using (var writer = JournalWriter.Open(_folder.File("a"), Durability.None))
        {
            await writer.AppendBatchAsync(records);
        }
        var first = Export(_folder.File("a"));

        using (var writer = JournalWriter.Open(_folder.File("b"), Durability.None))
        {
            var result = await JsonlExactImporter.ImportAsync(new MemoryStream(first), writer);
            Assert.Equal(records.Length, result.Imported);
        }
        var second = Export(_folder.File("b"));
        Assert.Equal(first, second);

        using (var writer = JournalWriter.Open(_folder.File("b"), Durability.None))
        {
            var again = await JsonlExactImporter.ImportAsync(new MemoryStream(first), writer);
            Assert.Equal((0L, (long)records.Length), (again.Imported, again.AlreadyPresent));
        }
        Assert.Equal(first, Export(_folder.File("b")));
        Assert.Contains("\"args\":[", Encoding.UTF8.GetString(first));

        // The writers' own sealer may have sealed some already (its tail bound is 16 MB of args); compact seals the rest.
        JournalCompactor.Compact(_folder.File("b"), new SealPolicy { BlockRecords = 7 });
        using (var reader = JournalReader.Open(_folder.File("b")))
        {
            Assert.Equal((records.Length, 0L), (reader.Figures().BlockRecords, reader.Figures().TailRecords));
        }
        Assert.Equal(first, Export(_folder.File("b")));
    }

    [Fact]
    public void Export_import_compact_export_is_byte_identical_and_reads_from_blocks_match_the_records()
    {
        var run = 0;
        Prop.ForAll(Records.ArrayOf().Where(a => a.Length > 0).ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (batch, blockRecords) =>
        {
            var a = _folder.File($"p{run}a");
            var b = _folder.File($"p{run++}b");
            using (var writer = JournalWriter.Open(a, Durability.None, SealPolicy.Off))
            {
                writer.AppendBatchAsync(batch).GetAwaiter().GetResult();
            }
            var exported = Export(a);
            using (var writer = JournalWriter.Open(b, Durability.None, SealPolicy.Off))
            {
                JsonlExactImporter.ImportAsync(new MemoryStream(exported), writer).GetAwaiter().GetResult();
            }
            var compacted = JournalCompactor.Compact(b, new SealPolicy { BlockRecords = blockRecords });
            using var reader = JournalReader.Open(b);
            var stored = reader.ReadSeqRange(1, long.MaxValue).ToArray();
            return compacted.RecordsSealed == batch.Length
                && reader.Figures().TailRecords == 0
                && Export(b).AsSpan().SequenceEqual(exported)
                && stored.Length == batch.Length
                && stored.Select((r, i) => r.SameAs(batch[i].At(i + 1))).All(same => same);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    private static byte[] Export(string folder)
    {
        using var reader = JournalReader.Open(folder);
        using var output = new MemoryStream();
        JsonlExporter.Export(reader, 1, long.MaxValue, output);
        return output.ToArray();
    }

    public void Dispose() => _folder.Dispose();
}
