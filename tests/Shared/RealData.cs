namespace Vectra.Tests.Common;

/// <summary>The real feed captures, read from the folder named by <c>VECTRA_REALDATA</c> (CI sets it to ../shared/realdata).</summary>
public static class RealData
{
    /// <summary>The captures folder, or null when <c>VECTRA_REALDATA</c> is unset or does not exist.</summary>
    public static string? Folder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("VECTRA_REALDATA");
            return string.IsNullOrEmpty(folder) || !Directory.Exists(folder) ? null : Path.GetFullPath(folder);
        }
    }

    /// <summary>The path of a file inside the captures folder; throws when the folder is not configured.</summary>
    public static string PathOf(string relative) =>
        Path.Combine(Folder ?? throw new InvalidOperationException("VECTRA_REALDATA is not set"), relative);
}

/// <summary>A fact over the real captures: reported as skipped (never as passed) when <c>VECTRA_REALDATA</c> is not set.</summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    /// <summary>Skips the test unless the captures folder is configured.</summary>
    public RealDataFactAttribute()
    {
        if (RealData.Folder is null)
        {
            Skip = "VECTRA_REALDATA is not set to the real captures folder (../shared/realdata); .ci/run sets it.";
        }
    }
}
