namespace Vectra.Runner.Import;

/// <summary>How to read the files of one import.</summary>
/// <param name="Format">The format of every file, or null to detect each file's (<c>--format auto</c>).</param>
/// <param name="Zone">The zone naive timestamps were written in (<c>--tz</c>).</param>
internal sealed record ImportOptions(ImportFormat? Format, TimeZoneInfo Zone)
{
    /// <summary>When the importing writer seals old records into blocks (default: <see cref="Journal.Blocks.SealPolicy.Default"/>).</summary>
    public Journal.Blocks.SealPolicy? Sealing { get; init; }
}
