using System.Text;

namespace Vectra.Projections.Runtime;

/// <summary>The VALUES list of a multi-row INSERT with positional parameters: row r's column c is parameter <c>?(r × columns + c + 1)</c>.</summary>
internal static class RowValues
{
    /// <summary><paramref name="rows"/> parenthesized rows, each the text <paramref name="row"/> gives for the parameter number of its first column.</summary>
    public static string Of(int rows, int columns, Func<int, string> row)
    {
        var values = new StringBuilder();
        for (var r = 0; r < rows; r++)
        {
            values.Append(r == 0 ? "(" : ", (").Append(row((r * columns) + 1)).Append(')');
        }
        return values.ToString();
    }

    /// <summary><c>?first, ?first+1, …</c>, <paramref name="count"/> of them.</summary>
    public static string Parameters(int first, int count) => string.Join(", ", Enumerable.Range(first, count).Select(i => $"?{i}"));
}
