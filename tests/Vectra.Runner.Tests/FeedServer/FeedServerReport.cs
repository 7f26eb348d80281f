using System.Text.Json;

namespace Vectra.Runner.Tests.FeedServer;

/// <summary>One line the feed server printed on stdout, e.g. <c>{"type":"done","emitted":10000,"skipped":0}</c>.</summary>
public sealed record FeedServerReport(string Type, JsonElement Body)
{
    public static FeedServerReport Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var body = document.RootElement.Clone();
        return new FeedServerReport(body.GetProperty("type").GetString() ?? "", body);
    }

    public long Number(string name) => Body.GetProperty(name).GetInt64();

    public string? Text(string name) => Body.GetProperty(name).GetString();

    public override string ToString() => Body.GetRawText();
}
