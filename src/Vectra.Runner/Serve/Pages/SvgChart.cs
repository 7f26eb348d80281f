using System.Globalization;
using System.Text;

namespace Vectra.Runner.Serve.Pages;

/// <summary>
/// An inline SVG price chart: ticks along x, multiplier along y (from 0), with lines, point markers,
/// shaded tick windows and labelled vertical marks. Drawn on the server; no script or library.
/// </summary>
internal sealed class SvgChart
{
    private const double Width = 1000, Height = 320, Left = 48, Right = 12, Top = 12, Bottom = 28;
    private readonly StringBuilder _svg = new(8 * 1024);
    private readonly double _maxTick;
    private readonly double _maxPrice;

    /// <summary>A chart whose axes span ticks 0..<paramref name="maxTick"/> and prices 0..<paramref name="maxPrice"/>.</summary>
    public SvgChart(double maxTick, double maxPrice)
    {
        _maxTick = Math.Max(1, maxTick);
        _maxPrice = Math.Max(1.1, maxPrice * 1.05);
    }

    /// <summary>The x coordinate of <paramref name="tick"/>.</summary>
    public double X(double tick) => Left + (tick / _maxTick * (Width - Left - Right));

    /// <summary>The y coordinate of <paramref name="price"/>.</summary>
    public double Y(double price) => Top + ((1 - (Math.Clamp(price, 0, _maxPrice) / _maxPrice)) * (Height - Top - Bottom));

    /// <summary>One polyline through every point, in order.</summary>
    public SvgChart Line(string cssClass, IEnumerable<(int Tick, double Price)> points, string? id = null)
    {
        _svg.Append("<polyline");
        if (id is not null)
        {
            _svg.Append(" id=\"").Append(id).Append('"');
        }
        _svg.Append(" class=\"").Append(cssClass).Append("\" points=\"");
        var first = true;
        foreach (var (tick, price) in points)
        {
            if (!first)
            {
                _svg.Append(' ');
            }
            first = false;
            _svg.Append(F(X(tick))).Append(',').Append(F(Y(price)));
        }
        _svg.Append("\"/>");
        return this;
    }

    /// <summary>A small circle at each point, carrying its tick.</summary>
    public SvgChart Dots(string cssClass, IEnumerable<(int Tick, double Price)> points, double radius = 3, string? title = null)
    {
        foreach (var (tick, price) in points)
        {
            _svg.Append("<circle class=\"").Append(cssClass).Append("\" data-tick=\"").Append(tick)
                .Append("\" cx=\"").Append(F(X(tick))).Append("\" cy=\"").Append(F(Y(price))).Append("\" r=\"").Append(F(radius)).Append("\">");
            _svg.Append("<title>").Append(title ?? cssClass).Append(" tick ").Append(tick).Append(" @ ").Append(price.ToString("0.####", CultureInfo.InvariantCulture)).Append("</title></circle>");
        }
        return this;
    }

    /// <summary>A shaded band over ticks <paramref name="from"/>..<paramref name="to"/>.</summary>
    public SvgChart Band(string cssClass, int from, int to, string title)
    {
        var x1 = X(Math.Min(from, _maxTick));
        var x2 = X(Math.Min(to, _maxTick));
        _svg.Append("<rect class=\"").Append(cssClass).Append("\" x=\"").Append(F(x1)).Append("\" y=\"").Append(F(Top))
            .Append("\" width=\"").Append(F(Math.Max(1, x2 - x1))).Append("\" height=\"").Append(F(Height - Top - Bottom)).Append("\"><title>")
            .Append(System.Net.WebUtility.HtmlEncode(title)).Append("</title></rect>");
        return this;
    }

    /// <summary>A labelled vertical mark at <paramref name="tick"/> (the rug); <paramref name="id"/> names the group for a script.</summary>
    public SvgChart Mark(string cssClass, int tick, string label, string? id = null, bool hidden = false)
    {
        var x = F(X(tick));
        _svg.Append("<g");
        if (id is not null)
        {
            _svg.Append(" id=\"").Append(id).Append('"');
        }
        if (hidden)
        {
            _svg.Append(" style=\"display:none\"");
        }
        _svg.Append(" class=\"").Append(cssClass).Append("-mark\" data-tick=\"").Append(tick).Append("\"><line class=\"").Append(cssClass)
            .Append("\" x1=\"").Append(x).Append("\" x2=\"").Append(x).Append("\" y1=\"").Append(F(Top)).Append("\" y2=\"").Append(F(Height - Bottom))
            .Append("\"/><text x=\"").Append(F(X(tick) - 4)).Append("\" y=\"").Append(F(Top + 12)).Append("\" text-anchor=\"end\">")
            .Append(System.Net.WebUtility.HtmlEncode(label)).Append("</text></g>");
        return this;
    }

    /// <summary>The finished <c>&lt;svg&gt;</c> element with axes, labelled by <paramref name="id"/>.</summary>
    public string Render(string id, int? pointCount = null)
    {
        var axes = new StringBuilder();
        axes.Append("<line class=\"axis\" x1=\"").Append(F(Left)).Append("\" x2=\"").Append(F(Left)).Append("\" y1=\"").Append(F(Top)).Append("\" y2=\"").Append(F(Height - Bottom)).Append("\"/>");
        axes.Append("<line class=\"axis\" x1=\"").Append(F(Left)).Append("\" x2=\"").Append(F(Width - Right)).Append("\" y1=\"").Append(F(Height - Bottom)).Append("\" y2=\"").Append(F(Height - Bottom)).Append("\"/>");
        foreach (var fraction in new[] { 0.0, 0.25, 0.5, 0.75, 1.0 })
        {
            var price = fraction * _maxPrice / 1.05;
            var at = fraction.ToString(CultureInfo.InvariantCulture);
            axes.Append("<text data-axis=\"y\" data-at=\"").Append(at).Append("\" x=\"").Append(F(Left - 4)).Append("\" y=\"").Append(F(Y(price) + 4)).Append("\" text-anchor=\"end\">")
                .Append(price.ToString("0.##", CultureInfo.InvariantCulture)).Append("x</text>");
            var tick = Math.Round(fraction * _maxTick);
            axes.Append("<text data-axis=\"x\" data-at=\"").Append(at).Append("\" x=\"").Append(F(X(fraction * _maxTick))).Append("\" y=\"").Append(F(Height - 10)).Append("\" text-anchor=\"middle\">").Append(tick.ToString(CultureInfo.InvariantCulture)).Append("</text>");
        }
        var points = pointCount is { } count ? $" data-points=\"{count}\"" : "";
        return $"<svg class=\"chart\" id=\"{id}\"{points} viewBox=\"0 0 {F(Width)} {F(Height)}\" width=\"{F(Width)}\" height=\"{F(Height)}\" role=\"img\">{axes}{_svg}</svg>";
    }

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
