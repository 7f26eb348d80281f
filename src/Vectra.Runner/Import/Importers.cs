namespace Vectra.Runner.Import;

/// <summary>The importer of each format.</summary>
internal static class Importers
{
    /// <summary>A new importer for <paramref name="format"/>.</summary>
    public static IRecordingImporter For(ImportFormat format) => format.Name switch
    {
        "journal" => new JournalFormatImporter(),
        "raw-capture" => new RawCaptureImporter(),
        "ws-samples" => new WsSamplesImporter(),
        "key-samples" => new KeySamplesImporter(),
        "cdp" => new CdpImporter(),
        "replayer" => new ReplayerImporter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format.Name, "no importer for this format"),
    };
}
