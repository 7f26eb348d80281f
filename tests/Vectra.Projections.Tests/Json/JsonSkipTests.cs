using System.Text;
using System.Text.Json;
using Vectra.Projections.Json;

namespace Vectra.Projections.Tests.Json;

/// <summary>The container skip finds the same end as System.Text.Json, whatever the strings, escapes and nesting.</summary>
public sealed class JsonSkipTests
{
    [Theory]
    [InlineData("""{}""")]
    [InlineData("""[]""")]
    [InlineData("""{"a":"]}\"}{[","b":[1,2,{"c":"\\"}]}""")]
    [InlineData("""["\\\\\\\"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]","]"]""")]
    public void Ends_where_the_reader_ends_for_tricky_containers(string container) => AssertSameEnd(container);

    [Fact]
    public void Ends_where_the_reader_ends_for_deep_nesting_across_blocks() =>
        AssertSameEnd("""[{"name":"a\"b}","x":""" + new string('[', 40) + new string(']', 40) + "}]");

    [Fact]
    public void Ends_where_the_reader_ends_for_a_thousand_random_containers()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 1000; i++)
        {
            var json = new StringBuilder();
            AppendContainer(json, random, depth: 0);
            AssertSameEnd(json.ToString());
        }
    }

    [Fact]
    public void An_unclosed_container_is_reported_as_malformed()
    {
        var json = Encoding.UTF8.GetBytes("[" + new string(' ', 100) + "{\"a\":\"]}\"");
        Assert.ThrowsAny<Exception>(() => JsonSkip.ContainerEnd(json, 0));
    }

    private static void AssertSameEnd(string container)
    {
        // Placed after a prefix and before a suffix, so positions other than 0 and the end are checked.
        var document = Encoding.UTF8.GetBytes("[7, " + container + " , {\"after\":[1]}]");
        var start = 4;
        var reader = new Utf8JsonReader(document.AsSpan(start));
        reader.Read();
        reader.Skip();
        var expected = start + (int)reader.BytesConsumed;
        Assert.True(expected == JsonSkip.ContainerEnd(document, start), container);
    }

    private static void AppendContainer(StringBuilder json, Random random, int depth)
    {
        var isObject = random.Next(2) == 0;
        json.Append(isObject ? '{' : '[');
        var items = random.Next(depth > 3 ? 3 : 8);
        for (var i = 0; i < items; i++)
        {
            if (i > 0)
            {
                json.Append(random.Next(4) == 0 ? " , " : ",");
            }
            if (isObject)
            {
                AppendString(json, random);
                json.Append(':');
            }
            switch (random.Next(depth > 4 ? 3 : 5))
            {
                case 0: AppendString(json, random); break;
                case 1: json.Append(random.Next(-1000, 100000)).Append(random.Next(3) == 0 ? ".25e-3" : ""); break;
                case 2: json.Append(random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" }); break;
                default: AppendContainer(json, random, depth + 1); break;
            }
        }
        json.Append(isObject ? '}' : ']');
    }

    private static void AppendString(StringBuilder json, Random random)
    {
        const string Plain = "abcXYZ09 _-{}[]:,é🎲";
        string[] escapes = ["\\\"", "\\\\", "\\n", "\\u00e9", "\\/", "\\\\\\\""];
        json.Append('"');
        var length = random.Next(random.Next(5) == 0 ? 80 : 12);
        for (var i = 0; i < length; i++)
        {
            if (random.Next(10) == 0)
            {
                json.Append(escapes[random.Next(escapes.Length)]);
            }
            else
            {
                json.Append(char.IsSurrogate(Plain[random.Next(Plain.Length)]) ? "🎲" : Plain[random.Next(Plain.Length)].ToString());
            }
        }
        json.Append('"');
    }
}
