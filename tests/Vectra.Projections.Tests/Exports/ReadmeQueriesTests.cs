using System.Text.RegularExpressions;
using Vectra.Projections.Exports;
using Vectra.Projections.Runtime;
using Vectra.Projections.Tests.Parquet;
using Vectra.Projections.Tests.Rugs;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Exports;

/// <summary>Every <c>sql</c> block of the README's exports section runs in DuckDB over a fresh export and returns rows.</summary>
public partial class ReadmeQueriesTests
{
    [Fact]
    public async Task Each_readme_query_returns_rows_on_a_fresh_export()
    {
        using var folder = new TempFolder();
        await ProjectionHarness.JournalAsync(folder.Path, ExportsMatchViewsTests.Records(10, ""));
        using (var runner = ProjectionRunner.Open(folder.Path, ProjectionCatalog.AllWithEvents(ExportOptions.Default)))
        {
            runner.CatchUp();
        }
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var section = readme[readme.IndexOf("## Parquet and CSV exports", StringComparison.Ordinal)..];
        var queries = SqlBlock().Matches(section).Select(m => m.Groups[1].Value).ToList();
        Assert.True(queries.Count >= 5, $"found {queries.Count} queries");
        var exports = (folder.Path + "/exports/").Replace("'", "''", StringComparison.Ordinal);
        foreach (var query in queries)
        {
            Assert.Contains("'exports/**/*.parquet', hive_partitioning=true", query, StringComparison.Ordinal);
            var result = ParquetChecker.Query(query.Replace("'exports/", "'" + exports, StringComparison.Ordinal));
            Assert.True(result.GetProperty("rows").GetArrayLength() > 0, query);
        }
    }

    [GeneratedRegex("```sql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
