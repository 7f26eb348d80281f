using Microsoft.Playwright;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Serve;

/// <summary>
/// Saves a page as <c>dashboard-NAME.png</c>: into <c>docs/</c>, the pictures the README shows, when
/// <c>VECTRA_SCREENSHOTS=1</c>; otherwise into the test output folder, so a test run leaves the committed ones alone.
/// </summary>
internal static class DashboardScreenshots
{
    public static Task SaveAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"dashboard-{name}.png"), FullPage = false });

    private static string Folder =>
        Environment.GetEnvironmentVariable("VECTRA_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot.Path, "docs")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
}
