namespace Vectra.Runner.Nats;

/// <summary>Names shared by the publisher, the mirror and <c>vectra stream create</c>: the default stream, its subject, the headers.</summary>
internal static class StreamLayout
{
    public const string DefaultStream = "VECTRA";

    public const string RunnerHeader = "Vectra-Runner";
    public const string TsHeader = "Vectra-Ts";
    public const string SeqHeader = "Vectra-Seq";
    public const string SessionHeader = "Vectra-Session";
    public const string ConnHeader = "Vectra-Conn";
    public const string EventHeader = "Vectra-Event";

    /// <summary>The one subject the stream takes; records of every runner go to it, so stream order is one order.</summary>
    public static string Subject(string stream) => $"vectra.{stream.ToLowerInvariant()}.records";

    /// <summary>Stream names are NATS tokens: letters, digits, '-' and '_'.</summary>
    public static string CheckName(string stream) =>
        stream.Length is > 0 and <= 64 && stream.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? stream
            : throw new UsageException($"--stream {stream}: use 1 to 64 letters, digits, '-' or '_'.");
}
