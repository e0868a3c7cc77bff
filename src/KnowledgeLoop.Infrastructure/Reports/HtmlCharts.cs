using System.Globalization;
using System.Text;
using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Infrastructure.Reports;

/// <summary>
/// The report's charts as inline SVG drawn here (no library, no script): FCR by week with its 95% band,
/// a Pareto of FCR points lost by gap, and a sparkline of a gap's weekly failures. Every chart carries
/// role="img" and an aria-label saying what it shows; every mark has a &lt;title&gt; tooltip.
/// </summary>
internal static class HtmlCharts
{
    /// <summary>The most gaps the Pareto draws; the rest are named in a note.</summary>
    public const int MaxParetoBars = 15;

    private const double Width = 720;
    private const double Height = 260;
    private const double Left = 52;
    private const double Right = 52;
    private const double Top = 16;
    private const double Bottom = 44;
    private const int MaxXLabels = 12;

    /// <summary>FCR per ISO week as a line with its Wilson band; one point per week with a computable FCR; null when no week has one.</summary>
    public static string? WeeklyFcr(IReadOnlyList<SegmentDocument> weeks)
    {
        var points = weeks.Select((w, i) => (Week: w, Index: i)).Where(p => p.Week.Metrics.Fcr is not null).ToList();
        if (points.Count == 0)
        {
            return null;
        }

        var low = Math.Floor(points.Min(p => p.Week.Metrics.Fcr!.CiLow) * 10) / 10;
        var high = Math.Ceiling(points.Max(p => p.Week.Metrics.Fcr!.CiHigh) * 10) / 10;
        if (high - low < 0.2)
        {
            (low, high) = high >= 0.2 ? (high - 0.2, high) : (0, 0.2);
        }

        double X(int index) => weeks.Count == 1 ? Left + (PlotWidth / 2) : Left + (index * PlotWidth / (weeks.Count - 1));
        double Y(double value) => Top + ((high - value) / (high - low) * PlotHeight);

        var first = points[0].Week.Metrics.Fcr!;
        var last = points[^1].Week.Metrics.Fcr!;
        var label = Invariant($"FCR by ISO week, {weeks[0].Key} to {weeks[^1].Key}: {points.Count} weeks with a computable FCR, from {first.Rate * 100:0.0}% in {points[0].Week.Key} to {last.Rate * 100:0.0}% in {points[^1].Week.Key}; the shaded band is the 95% interval.");
        var svg = Open("chart chart-weekly", label);
        Grid(svg, low, high, high - low > 0.5 ? 0.2 : 0.1, v => Invariant($"{v * 100:0}%"));

        // One band and one line per run of consecutive weeks with an FCR, so a week without one shows as a break.
        foreach (var run in Runs(points))
        {
            var band = new StringBuilder();
            foreach (var (week, index) in run)
            {
                band.Append(band.Length == 0 ? 'M' : 'L').Append(Invariant($"{X(index):0.#},{Y(week.Metrics.Fcr!.CiHigh):0.#} "));
            }

            foreach (var (week, index) in run.AsEnumerable().Reverse())
            {
                band.Append('L').Append(Invariant($"{X(index):0.#},{Y(week.Metrics.Fcr!.CiLow):0.#} "));
            }

            svg.Append("<path class=\"band\" d=\"").Append(band.ToString().TrimEnd()).Append("Z\"/>");
            svg.Append("<polyline class=\"line\" points=\"")
                .AppendJoin(' ', run.Select(p => Invariant($"{X(p.Index):0.#},{Y(p.Week.Metrics.Fcr!.Rate):0.#}")))
                .Append("\"/>");
        }

        foreach (var (week, index) in points)
        {
            var fcr = week.Metrics.Fcr!;
            svg.Append(Invariant($"<circle class=\"pt\" cx=\"{X(index):0.#}\" cy=\"{Y(fcr.Rate):0.#}\" r=\"3.5\"><title>"))
                .Append(Html.Encode(week.Key)).Append(": FCR ").Append(ReportText.Percent(fcr)).Append(", 95% CI ")
                .Append(ReportText.Interval(fcr)).Append(", ").Append(ReportText.Counts(fcr)).Append("</title></circle>");
        }

        var step = (int)Math.Ceiling(weeks.Count / (double)MaxXLabels);
        for (var i = 0; i < weeks.Count; i += step)
        {
            var key = weeks[i].Key;
            var shortKey = key.Length == 8 && key[4] == '-' ? key[5..] : key;
            svg.Append(Invariant($"<text class=\"xl\" x=\"{X(i):0.#}\" y=\"{Height - Bottom + 18:0.#}\">"))
                .Append(Html.Encode(shortKey)).Append("</text>");
        }

        return Close(svg);
    }

    /// <summary>
    /// FCR points lost per gap, largest first, as bars on the left axis, with the cumulative share of all
    /// points lost as a line on the right axis; at most <see cref="MaxParetoBars"/> bars; null without gaps.
    /// </summary>
    public static string? Pareto(IReadOnlyList<GapDocument> gaps)
    {
        var total = gaps.Sum(g => Math.Max(0, g.FcrPointsLost));
        if (gaps.Count == 0 || total <= 0)
        {
            return null;
        }

        var shown = gaps.OrderByDescending(g => g.FcrPointsLost).ThenBy(g => g.Rank).Take(MaxParetoBars).ToList();
        var max = NiceCeiling(shown[0].FcrPointsLost * 100) / 100;
        var slot = PlotWidth / shown.Count;
        var barWidth = Math.Min(48, slot * 0.7);
        double Y(double fraction, double scale) => Top + PlotHeight - (fraction / scale * PlotHeight);

        var label = Invariant($"Pareto of FCR points lost by gap: {shown.Count} bars, largest first, from {shown[0].FcrPointsLost * 100:0.00} points (gap {shown[0].Rank}); the line is the cumulative share of all points lost.");
        var svg = Open("chart chart-pareto", label);
        Grid(svg, 0, max, max / 4, v => Invariant($"{v * 100:0.##}"));
        foreach (var share in new[] { 0.25, 0.5, 0.75, 1.0 })
        {
            svg.Append(Invariant($"<text class=\"yr\" x=\"{Width - Right + 6:0.#}\" y=\"{Y(share, 1) + 4:0.#}\">{share * 100:0}%</text>"));
        }

        svg.Append(Invariant($"<text class=\"axis-title\" x=\"12\" y=\"{Top + (PlotHeight / 2):0.#}\" transform=\"rotate(-90 12 {Top + (PlotHeight / 2):0.#})\">FCR points lost</text>"));

        var cumulative = 0.0;
        var line = new List<string>(shown.Count);
        var dots = new StringBuilder();
        for (var i = 0; i < shown.Count; i++)
        {
            var gap = shown[i];
            var center = Left + (slot * (i + 0.5));
            var top = Y(Math.Max(0, gap.FcrPointsLost), max);
            cumulative += Math.Max(0, gap.FcrPointsLost);
            svg.Append(Invariant($"<rect class=\"bar\" x=\"{center - (barWidth / 2):0.#}\" y=\"{top:0.#}\" width=\"{barWidth:0.#}\" height=\"{Top + PlotHeight - top:0.#}\"><title>"))
                .Append('#').Append(gap.Rank).Append(' ').Append(Html.Encode(gap.Title)).Append(": ")
                .Append(ReportText.Points(gap.FcrPointsLost)).Append(" lost</title></rect>");
            svg.Append(Invariant($"<text class=\"xl\" x=\"{center:0.#}\" y=\"{Height - Bottom + 18:0.#}\">#{gap.Rank}</text>"));
            var y = Y(cumulative / total, 1);
            line.Add(Invariant($"{center:0.#},{y:0.#}"));
            dots.Append(Invariant($"<circle class=\"cum-pt\" cx=\"{center:0.#}\" cy=\"{y:0.#}\" r=\"3\"><title>Cumulative: {cumulative / total * 100:0.0}% of points lost</title></circle>"));
        }

        svg.Append("<polyline class=\"cum\" points=\"").AppendJoin(' ', line).Append("\"/>").Append(dots);
        return Close(svg);
    }

    /// <summary>A small line of weekly failures, oldest first; null when there are none.</summary>
    public static string? Sparkline(IReadOnlyList<KeyCountDocument>? weekly)
    {
        if (weekly is null || weekly.Count == 0)
        {
            return null;
        }

        const double width = 120, height = 28, pad = 3;
        var max = Math.Max(1, weekly.Max(w => w.Count));
        double X(int i) => weekly.Count == 1 ? width / 2 : pad + (i * (width - (2 * pad)) / (weekly.Count - 1));
        double Y(long count) => height - pad - (count / (double)max * (height - (2 * pad)));

        var label = "Weekly failures, oldest first: " + string.Join(", ", weekly.Select(w => Invariant($"{w.Key} {w.Count}")));
        var svg = new StringBuilder(256 + (weekly.Count * 16));
        svg.Append(Invariant($"<svg class=\"spark\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"")).Append(Html.Encode(label)).Append("\">");
        svg.Append("<title>").Append(Html.Encode(label)).Append("</title>");
        svg.Append("<polyline points=\"").AppendJoin(' ', weekly.Select((w, i) => Invariant($"{X(i):0.#},{Y(w.Count):0.#}"))).Append("\"/>");
        svg.Append(Invariant($"<circle cx=\"{X(weekly.Count - 1):0.#}\" cy=\"{Y(weekly[^1].Count):0.#}\" r=\"2.5\"/>"));
        return svg.Append("</svg>").ToString();
    }

    private static double PlotWidth => Width - Left - Right;

    private static double PlotHeight => Height - Top - Bottom;

    private static StringBuilder Open(string cssClass, string label)
    {
        var svg = new StringBuilder(4096);
        svg.Append(Invariant($"<svg class=\"{cssClass}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"")).Append(Html.Encode(label)).Append("\">");
        svg.Append("<title>").Append(Html.Encode(label)).Append("</title>");
        return svg;
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static void Grid(StringBuilder svg, double low, double high, double step, Func<double, string> format)
    {
        for (var value = low; value <= high + 1e-9; value += step)
        {
            var y = Top + ((high - value) / (high - low) * PlotHeight);
            svg.Append(Invariant($"<line class=\"grid\" x1=\"{Left:0.#}\" x2=\"{Width - Right:0.#}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\"/>"));
            svg.Append(Invariant($"<text class=\"yl\" x=\"{Left - 6:0.#}\" y=\"{y + 4:0.#}\">")).Append(format(value)).Append("</text>");
        }
    }

    private static IEnumerable<List<(SegmentDocument Week, int Index)>> Runs(List<(SegmentDocument Week, int Index)> points)
    {
        var run = new List<(SegmentDocument, int)>();
        foreach (var point in points)
        {
            if (run.Count > 0 && point.Index != run[^1].Item2 + 1)
            {
                yield return run;
                run = [];
            }

            run.Add(point);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>The smallest of 1, 2, 2.5, 5 × 10^k at or above <paramref name="value"/>.</summary>
    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var factor in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (factor * magnitude >= value - 1e-12)
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
