using System.Text;
using Vectra.Journal.Records;

namespace Vectra.Journal.Tests;

/// <summary>Small builders for records in tests.</summary>
internal static class TestRecords
{
    public static readonly Guid Session = Guid.Parse("6f1c1f43-3b7e-4d8e-9d59-0c7a1b2c3d4e");

    public static NewRecord Frame(int n, string eventName = "gameStateUpdate", int conn = 1) =>
        new(eventName, Encoding.UTF8.GetBytes($"[{{\"n\":{n},\"price\":1.0,\"tiny\":6.288315726479595e-05,\"name\":\"caf\\u00e9 ☕\"}}]"),
            1_765_000_000_000_000 + n * 250_000L, Session, conn, "live");
}
