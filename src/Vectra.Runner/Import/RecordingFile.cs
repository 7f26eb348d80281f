namespace Vectra.Runner.Import;

/// <summary>A file to import.</summary>
/// <param name="Path">Its absolute path.</param>
/// <param name="NamedExplicitly">True when the user named the file itself, false when it was found in a folder.</param>
internal sealed record RecordingFile(string Path, bool NamedExplicitly);
