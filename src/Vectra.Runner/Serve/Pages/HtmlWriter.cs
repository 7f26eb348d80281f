using System.Globalization;
using System.Net;
using System.Text;

namespace Vectra.Runner.Serve.Pages;

/// <summary>
/// Builds an HTML document into one buffer. Every text and attribute value goes through
/// <see cref="WebUtility.HtmlEncode(string)"/>; only markup this code writes itself is raw.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new(16 * 1024);

    /// <summary>Appends trusted markup written by the dashboard itself.</summary>
    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>Appends text, encoded.</summary>
    public HtmlWriter Text(string? text)
    {
        _html.Append(WebUtility.HtmlEncode(text ?? ""));
        return this;
    }

    /// <summary>Appends a number in the invariant culture.</summary>
    public HtmlWriter Number(double value, string format = "0.####") => Raw(value.ToString(format, CultureInfo.InvariantCulture));

    /// <summary>Appends an integer with thousands separators.</summary>
    public HtmlWriter Count(long value) => Raw(value.ToString("N0", CultureInfo.InvariantCulture));

    /// <summary>Appends <c>&lt;tag attr="value" …&gt;</c>, each value encoded.</summary>
    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                _html.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
            }
        }
        _html.Append('>');
        return this;
    }

    /// <summary>Appends <c>&lt;/tag&gt;</c>.</summary>
    public HtmlWriter Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding encoded text.</summary>
    public HtmlWriter Element(string tag, string? text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>A link holding encoded text.</summary>
    public HtmlWriter Link(string href, string text, string? cssClass = null) => Element("a", text, ("href", href), ("class", cssClass));

    /// <summary>A two-cell table row: a label and a value.</summary>
    public HtmlWriter Fact(string label, string? value, string? testId = null) =>
        Open("tr").Element("th", label).Element("td", value ?? "—", ("data-fact", testId)).Close("tr");

    /// <inheritdoc/>
    public override string ToString() => _html.ToString();
}
