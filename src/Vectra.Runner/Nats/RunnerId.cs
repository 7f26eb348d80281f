namespace Vectra.Runner.Nats;

/// <summary>
/// The name a runner publishes under: given with <c>--runner</c>, else made once from the host name and kept in the
/// data folder's <c>runner-id</c>, so a restarted runner keeps its name and its local seqs stay one sequence.
/// </summary>
internal static class RunnerId
{
    public static string Resolve(string dataDirectory, string? given)
    {
        if (given is not null)
        {
            return Check(given);
        }
        var path = Path.Combine(dataDirectory, "runner-id");
        if (File.Exists(path))
        {
            return Check(File.ReadAllText(path).Trim());
        }
        var made = $"{new string([.. Environment.MachineName.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')])}-{Guid.NewGuid().ToString("N")[..6]}";
        File.WriteAllText(path, made);
        return made;
    }

    private static string Check(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? id
            : throw new UsageException($"--runner {id}: use 1 to 64 letters, digits, '-', '_' or '.'.");
}
