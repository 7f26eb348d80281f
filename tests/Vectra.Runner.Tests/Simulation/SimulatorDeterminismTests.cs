using System.Security.Cryptography;
using Vectra.Runner.Simulation;

namespace Vectra.Runner.Tests.Simulation;

public class SimulatorDeterminismTests
{
    private static byte[] Digest(SimulationOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var sink = new HashingStream(hash);
        FeedSimulator.Write(options, sink);
        return hash.GetHashAndReset();
    }

    [Fact]
    public void Same_seed_gives_the_same_bytes_over_1000_games()
    {
        var options = SimulatedFeed.Options(1000, seed: 7);

        Assert.Equal(Digest(options), Digest(options));
    }

    [Fact]
    public void Another_seed_gives_other_bytes()
    {
        Assert.NotEqual(SimulatedFeed.Bytes(SimulatedFeed.Options(3, seed: 1)), SimulatedFeed.Bytes(SimulatedFeed.Options(3, seed: 2)));
    }

    [Fact]
    public void Records_carry_the_simulated_envelope_with_gap_free_seq_and_non_decreasing_time()
    {
        var records = SimulatedFeed.Records(SimulatedFeed.Options(5, seed: 3));

        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Seq));
        Assert.All(records, r => Assert.Equal(("simulate", 1, FeedSimulator.SessionOf(3)), (r.Source, r.Conn, r.Session)));
        Assert.True(records.Zip(records.Skip(1)).All(p => p.First.Ts <= p.Second.Ts));
        Assert.Equal(SimulationOptions.DefaultStart.ToUnixTimeMilliseconds() * 1000, records[0].Ts);
    }

    [Fact]
    public void Jsonl_lines_have_the_journal_key_order_and_six_fractional_digits()
    {
        var text = System.Text.Encoding.UTF8.GetString(SimulatedFeed.Bytes(SimulatedFeed.Options(1, seed: 3)));
        var first = text[..text.IndexOf('\n', StringComparison.Ordinal)];

        Assert.StartsWith("{\"meta_seq\":1,\"meta_ts\":\"2025-12-12T22:16:58.000000Z\",\"meta_session\":\"", first, StringComparison.Ordinal);
        Assert.Contains("\",\"meta_conn\":1,\"meta_source\":\"simulate\",\"event\":\"gameStateUpdate\",\"args\":[{", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Game_ids_carry_the_virtual_clock_utc_date()
    {
        var start = new DateTimeOffset(2026, 2, 6, 23, 59, 0, TimeSpan.Zero);
        var truth = FeedSimulator.Truth(new SimulationOptions(12, 5, start, SimulationFaults.None)).Where(g => g.Live).ToList();

        Assert.StartsWith("20260206-", truth[0].Id, StringComparison.Ordinal);
        Assert.StartsWith("20260207-", truth[^1].Id, StringComparison.Ordinal);
        Assert.All(truth, g => Assert.Matches("^[0-9]{8}-[0-9a-f]{16}$", g.Id));
    }

    private sealed class HashingStream(IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => hash.AppendData(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => hash.AppendData(buffer);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
