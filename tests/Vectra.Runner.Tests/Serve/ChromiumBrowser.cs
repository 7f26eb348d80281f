using Microsoft.Playwright;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Serve;

/// <summary>
/// One headless Chromium per test class, driven by Playwright: Debian's <c>chromium</c> (Playwright's own browser
/// download cannot work here), a fresh profile, no network beyond loopback, every wait bounded.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime, IDisposable
{
    public const string Executable = "/usr/bin/chromium";
    private static readonly string[] Arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly TempFolder _profile = new();
    private IPlaywright? _playwright;
    private IBrowserContext? _context;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install Debian's chromium (apt-get install chromium); .ci/run does it.");
        }
        _playwright = await Playwright.CreateAsync();
        _context = await _playwright.Chromium.LaunchPersistentContextAsync(_profile.Path, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = Arguments,
            Timeout = 90_000,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        _context.SetDefaultTimeout(45_000);
        _context.SetDefaultNavigationTimeout(45_000);
    }

    /// <summary>A new tab; close it when done.</summary>
    public Task<IPage> NewPageAsync() => _context!.NewPageAsync();

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
        _playwright?.Dispose();
    }

    public void Dispose() => _profile.Dispose();
}
