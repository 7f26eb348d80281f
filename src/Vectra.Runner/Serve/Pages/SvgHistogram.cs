using System.Globalization;
using System.Net;
using System.Text;

namespace Vectra.Runner.Serve.Pages;

/// <summary>An inline SVG bar chart of counts per labelled bin, drawn on the server.</summary>
internal static class SvgHistogram
{
    private const double Width = 1000, Height = 240, Left = 48, Bottom = 40, Top = 12;

    /// <summary>One bar per bin, its count above it and its label below.</summary>
    public static string Render(string id, IReadOnlyList<(string Label, long Count)> bins)
    {
        var svg = new StringBuilder();
        var max = Math.Max(1, bins.Count == 0 ? 1 : bins.Max(b => b.Count));
        var slot = (Width - Left - 8) / Math.Max(1, bins.Count);
        svg.Append($"<svg class=\"chart\" id=\"{id}\" viewBox=\"0 0 {F(Width)} {F(Height)}\" width=\"{F(Width)}\" height=\"{F(Height)}\" role=\"img\">");
        svg.Append($"<line class=\"axis\" x1=\"{F(Left)}\" x2=\"{F(Width - 8)}\" y1=\"{F(Height - Bottom)}\" y2=\"{F(Height - Bottom)}\"/>");
        for (var i = 0; i < bins.Count; i++)
        {
            var (label, count) = bins[i];
            var barHeight = count / (double)max * (Height - Top - Bottom - 14);
            var x = Left + (i * slot) + 2;
            var y = Height - Bottom - barHeight;
            svg.Append($"<rect class=\"bar\" data-count=\"{count}\" x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(Math.Max(1, slot - 4))}\" height=\"{F(barHeight)}\"><title>{WebUtility.HtmlEncode(label)}: {count}</title></rect>");
            svg.Append($"<text x=\"{F(x + (slot / 2) - 2)}\" y=\"{F(y - 3)}\" text-anchor=\"middle\">{count}</text>");
            svg.Append($"<text x=\"{F(x + (slot / 2) - 2)}\" y=\"{F(Height - Bottom + 14)}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(label)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
