using System.Collections.Concurrent;

namespace Vectra.Runner.Serve.Caching;

/// <summary>
/// Rendered pages that depend on views.db alone (Games, Game, Stats), as UTF-8 bytes, each kept with the
/// <see cref="ViewsStamp"/> it was rendered under and served again while views.db has not changed since.
/// </summary>
/// <remarks>
/// The stamp is taken before rendering, so a cached page is never older than its stamp; a page rendered from a newer
/// state than its stamp is only rendered again once more. Holds at most <see cref="Capacity"/> pages; past that it
/// starts empty again (the pages a dashboard is polled for are few; a crawler's many game ids must not grow memory).
/// </remarks>
internal sealed class PageCache
{
    public const int Capacity = 256;

    private readonly ConcurrentDictionary<string, (ViewsStamp Stamp, byte[] Page)> _pages = new(StringComparer.Ordinal);

    /// <summary>The page cached for <paramref name="key"/> if it was rendered under <paramref name="stamp"/>.</summary>
    public byte[]? Find(string key, ViewsStamp stamp) =>
        _pages.TryGetValue(key, out var cached) && cached.Stamp == stamp ? cached.Page : null;

    /// <summary>Keeps <paramref name="page"/> for <paramref name="key"/>, rendered under <paramref name="stamp"/>.</summary>
    public void Keep(string key, ViewsStamp stamp, byte[] page)
    {
        if (_pages.Count >= Capacity && !_pages.ContainsKey(key))
        {
            _pages.Clear();
        }
        _pages[key] = (stamp, page);
    }
}
