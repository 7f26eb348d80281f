using Vectra.Projections.Runtime;
using Vectra.Tests.Common;

namespace Vectra.Runner.Tests.Snapshots;

/// <summary>
/// Recordings made with <c>vectra simulate</c> (tests/recordings, see its README) replayed through the
/// real binary; every projection table is compared with its verified snapshot under snapshots/.
/// </summary>
public class ReplaySnapshotTests
{
    public static TheoryData<string> Recordings => new()
    {
        "clean", "mid-game-join", "missing-rug-emission", "duplicated-out-of-order", "torn-lines", "reconnect-gap",
    };

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task Replaying_a_recording_gives_the_verified_tables(string recording)
    {
        using var folder = new TempFolder();
        var path = Path.Combine(RepositoryRoot.Path, "tests", "recordings", recording + ".jsonl");
        var result = await VectraProcess.RunAsync("replay", path, "--speed", "max", "--data", folder.Path);
        Assert.True(result.ExitCode == 0, result.ToString());

        var failures = new List<string>();
        foreach (var table in ViewsDump.RugsTables.Concat(ViewsDump.CaptureTables))
        {
            try
            {
                SnapshotFile.Verify(Path.Combine(RepositoryRoot.Path, "snapshots", recording), table, ViewsDump.Rows(folder.Path, table));
            }
            catch (SnapshotMismatchException mismatch)
            {
                failures.Add(mismatch.Message);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
