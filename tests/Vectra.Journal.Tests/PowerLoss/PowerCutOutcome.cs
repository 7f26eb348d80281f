namespace Vectra.Journal.Tests.PowerLoss;

/// <summary>The files a power cut leaves in the data folder, how many unsynced changes it dropped or tore, and what it did (for failure messages).</summary>
internal sealed record PowerCutOutcome(IReadOnlyDictionary<string, byte[]> Files, int ChangesCut, string Description);
