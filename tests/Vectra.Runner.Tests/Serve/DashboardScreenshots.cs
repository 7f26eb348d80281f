using Microsoft.Playwright;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Serve;

/// <summary>Saves a page as <c>docs/dashboard-NAME.png</c>, the pictures the README shows.</summary>
internal static class DashboardScreenshots
{
    public static Task SaveAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryRoot.Path, "docs", $"dashboard-{name}.png"), FullPage = false });
}
