using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Vectra.Projections.Json;
using Vectra.Projections.Tests.Rugs;
using Vectra.Tests.Common;

namespace Vectra.Projections.Tests.Json;

/// <summary>
/// The one payload locator: the last argument of a frame, by the rules every payload reader shares,
/// checked against System.Text.Json as an independent parser.
/// </summary>
public sealed class LastArgumentTests
{
    /// <summary>Args, and the payload's raw JSON (null: the frame has no payload).</summary>
    public static TheoryData<string, string?> Cases => new()
    {
        { """[]""", null },
        { """  [ ]  """, null },
        { "[\n]\n", null },
        { """[{"gameId":"20251212-0a2e994192260d16"}]""", """{"gameId":"20251212-0a2e994192260d16"}""" },
        { """[{"__trace":true,"traceparent":"00-ab-cd-01"},{"id":"t-1"}]""", """{"id":"t-1"}""" },
        { """[{"__trace":true,"traceparent":"00-ab-cd-01"}]""", """{"__trace":true,"traceparent":"00-ab-cd-01"}""" },
        { """[{"gameId":"g"},{"__trace":true}]""", """{"__trace":true}""" },
        { """[{"gameId":"g"}, 5]""", "5" },
        { """[1,"two",[3,[4]]]""", "[3,[4]]" },
        { """ [ 1 , -2.5e-3 ] """, "-2.5e-3" },
        { """["a]b", "c,\"d\"]"]""", "\"c,\\\"d\\\"]\"" },
        { """[null]""", "null" },
        { """[true,false]""", "false" },
        { """[{"a":[1]}] 7""", """{"a":[1]}""" },
    };

    public static TheoryData<string> Malformed => new()
    {
        "",
        "   ",
        "{}",
        "5",
        "\"[1]\"",
        "[",
        "[1",
        "[1,",
        "[{\"a\":1}",
        "[\"unterminated]",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_the_last_argument(string args, string? payload)
    {
        var found = LastArgument.Of(Encoding.UTF8.GetBytes(args));

        Assert.Equal(payload is not null, found.Exists);
        Assert.Equal(payload ?? "", Encoding.UTF8.GetString(found.Json));
        Assert.Equal(payload is not null && payload[0] == '{', found.IsObject);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Args_that_are_not_one_closed_array_are_malformed(string args) =>
        Assert.Throws<InvalidDataException>(() => LastArgument.Of(Encoding.UTF8.GetBytes(args)));

    [Fact]
    public void Agrees_with_a_parsed_document_on_random_arrays() =>
        Prop.ForAll(Arb.From(RandomArgs), args => AssertSameAsDocument(Encoding.UTF8.GetBytes(args)))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(500).WithQuietOnSuccess(true));

    [RealDataFact]
    public void Agrees_with_a_parsed_document_on_every_real_frame_and_takes_the_payload_after_the_trace()
    {
        var records = RealCaptureRecords.All();
        var twoArgument = 0;
        foreach (var record in records)
        {
            AssertSameAsDocument(record.Args);
            using var document = JsonDocument.Parse(record.Args);
            if (document.RootElement.GetArrayLength() == 2 && document.RootElement[0].TryGetProperty("__trace", out _))
            {
                twoArgument++;
                Assert.False(document.RootElement[1].TryGetProperty("__trace", out _));
                Assert.True(LastArgument.Of(record.Args).IsObject, record.Event);
            }
        }

        Assert.True(twoArgument >= 50, $"only {twoArgument} two-argument frames among {records.Count}");
    }

    private static void AssertSameAsDocument(byte[] args)
    {
        using var document = JsonDocument.Parse(args);
        var root = document.RootElement;
        var expected = root.GetArrayLength() == 0 ? null : root[root.GetArrayLength() - 1].GetRawText();

        var found = LastArgument.Of(args);

        Assert.True(expected is not null == found.Exists, Encoding.UTF8.GetString(args));
        Assert.True((expected ?? "") == Encoding.UTF8.GetString(found.Json), Encoding.UTF8.GetString(args));
    }

    private static readonly string[] Spaces = ["", "", " ", "\n", "\t "];

    private static Gen<string> RandomArgs =>
        Gen.Zip(Value(2).ListOf(), Gen.Elements(Spaces))
            .Select(t => t.Item2 + "[" + t.Item2 + string.Join(t.Item2 + "," + t.Item2, t.Item1) + t.Item2 + "]" + t.Item2);

    private static Gen<string> Value(int depth)
    {
        var text = Gen.Elements("", "a", "]", "[", "}", "{", ",", "\\\"", "\\\\", "\\u005d", "é", "😀", "__trace")
            .ArrayOf().Select(parts => "\"" + string.Concat(parts) + "\"");
        var scalar = Gen.OneOf(text, Gen.Elements("0", "-1.5e-3", "123456789012345678", "true", "false", "null"));
        if (depth == 0)
        {
            return scalar;
        }
        var inner = Value(depth - 1);
        var array = inner.ListOf().Select(items => "[" + string.Join(",", items) + "]");
        var obj = Gen.Zip(text, inner).Select(member => member.Item1 + ":" + member.Item2).ListOf()
            .Select(members => "{" + string.Join(",", members) + "}");
        return Gen.OneOf(scalar, array, obj);
    }
}
