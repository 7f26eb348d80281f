using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Vectra.Journal.Tests.Jsonl;

/// <summary>Generators of JSON text in the many spellings real frames use: escapes, unicode, exponents, whitespace.</summary>
internal static class JsonTextGen
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", " ", "é", "€", "☕", "𝄞", "😀", "中", "\\n", "\\t", "\\\"", "\\\\", "\\/", "\\u00e9", "\\u0000", "\\ud83d\\ude00", "\\u2028", "rug", "__trace",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "1.0", "-1", "0.0017842710071060424", "6.288315726479595e-05", "1E+10", "1e-7", "123456789012345678", "-9223372036854775808", "2.5",
    ];

    private static readonly string[] Spaces = ["", "", "", " ", "\n", "\t", "  "];

    /// <summary>A JSON string literal (with its quotes) made of escapes, ASCII and multi-byte characters.</summary>
    public static Gen<string> StringLiteral =>
        Gen.Elements(Pieces).ArrayOf().Select(parts => "\"" + string.Concat(parts) + "\"");

    /// <summary>A JSON number spelled as real feeds spell numbers.</summary>
    public static Gen<string> Number =>
        Gen.OneOf(
            Gen.Elements(Numbers),
            ArbMap.Default.GeneratorFor<double>().Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
            ArbMap.Default.GeneratorFor<long>().Select(l => l.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Any JSON value, nesting limited by the generator's size.</summary>
    public static Gen<string> Value => Gen.Sized(size => ValueOfDepth(Math.Min(size, 12) / 4));

    /// <summary>Frame args: a JSON array of values, possibly empty, with whitespace variations.</summary>
    public static Gen<string> Args =>
        Gen.Frequency(
            (20, ArrayOf(Value)),
            (1, Gen.Choose(100_000, 1_000_000).Select(BigArgs)));

    /// <summary>A well-formed event name: any text without lone surrogates, including empty and unicode.</summary>
    public static Gen<string> EventName =>
        Gen.OneOf(
            Gen.Elements("gameStateUpdate", "standard/newTrade", "$session.start", "", "événement", "🎲 roll", "a\"b\\c\nd"),
            ArbMap.Default.GeneratorFor<string>().Where(s => s is not null).Select(RemoveLoneSurrogates));

    private static Gen<string> ValueOfDepth(int depth)
    {
        var scalar = Gen.OneOf(StringLiteral, Number, Gen.Elements("true", "false", "null"));
        if (depth <= 0)
        {
            return scalar;
        }
        var inner = ValueOfDepth(depth - 1);
        var member = Gen.Zip(StringLiteral, inner).Select(kv => kv.Item1 + ":" + kv.Item2);
        return Gen.OneOf(scalar, scalar, ArrayOf(inner), ObjectOf(member));
    }

    private static Gen<string> ArrayOf(Gen<string> element) =>
        Gen.Zip(element.ListOf(), Gen.Elements(Spaces)).Select(t => "[" + t.Item2 + string.Join(t.Item2 + "," + t.Item2, t.Item1) + t.Item2 + "]");

    private static Gen<string> ObjectOf(Gen<string> member) =>
        Gen.Zip(member.ListOf(), Gen.Elements(Spaces)).Select(t => "{" + t.Item2 + string.Join("," + t.Item2, t.Item1) + "}");

    private static string BigArgs(int bytes)
    {
        var text = new StringBuilder(bytes + 16).Append("[{\"leaderboard\":\"");
        while (text.Length < bytes)
        {
            text.Append("é€x\\\"");
        }
        return text.Append("\"}]").ToString();
    }

    private static string RemoveLoneSurrogates(string s)
    {
        var text = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                text.Append(s[i]).Append(s[++i]);
            }
            else if (!char.IsSurrogate(s[i]))
            {
                text.Append(s[i]);
            }
        }
        return text.ToString();
    }
}
