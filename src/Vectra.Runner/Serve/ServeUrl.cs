using System.Net;

namespace Vectra.Runner.Serve;

/// <summary>Checks the <c>--urls</c> value: one absolute http URL, on a loopback address unless remote access was allowed.</summary>
internal static class ServeUrl
{
    public const string Default = "http://127.0.0.1:5080";

    /// <summary>The parsed URL, or a usage error saying what to pass.</summary>
    public static Uri Parse(string text, bool allowRemote)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || url.AbsolutePath != "/" || url.Query.Length > 0)
        {
            throw new UsageException($"--urls {text}: give one http URL with a host and port, like {Default}.");
        }
        var loopback = url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        if (!loopback && !allowRemote)
        {
            throw new UsageException($"--urls {text} is not a loopback address: the dashboard has no authentication, so it listens on 127.0.0.1 or [::1] only. Pass --allow-remote to listen there anyway.");
        }
        return url;
    }
}
