using System.Globalization;
using KnowledgeLoop.Infrastructure.Reports;
using static KnowledgeLoop.Infrastructure.Tests.Reports.ReportFixtures;

namespace KnowledgeLoop.Infrastructure.Tests.Reports;

public class GapsCsvTests
{
    private static List<List<string>> Rows() => CsvText.Parse(GapsCsv.Render(Full()));

    private static string Cell(List<List<string>> rows, int gapIndex, string column) =>
        rows[gapIndex + 1][rows[0].IndexOf(column)];

    [Fact]
    public void Render_ThreeGaps_HeaderAndOneRowPerGapWithEveryColumn()
    {
        var rows = Rows();

        Assert.Equal(4, rows.Count);
        Assert.Equal(GapsCsv.Columns, rows[0]);
        Assert.All(rows, row => Assert.Equal(GapsCsv.Columns.Count, row.Count));
        Assert.Equal(["1", "2", "3"], rows.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public void Render_QuotesAndLineBreaks_RoundTripThroughAnRfc4180Reader()
    {
        var rows = Rows();

        Assert.Equal(ScriptTitle, Cell(rows, 1, "title"));
        Assert.Equal(AttributeBreakout + "\nsecond line | with pipe", Cell(rows, 1, "reason"));
        Assert.Equal("kb-<1>", Cell(rows, 1, "top_article_id"));
    }

    [Fact]
    public void Render_FormulaLikeText_IsNeutralizedWithAQuote()
    {
        var rows = Rows();

        Assert.Equal("'" + Formula + ";a|b;<img src=x onerror=alert(7)>", Cell(rows, 1, "keywords"));
        Assert.Equal("'" + HostileGapId, Cell(rows, 1, "id"));
        Assert.Equal("'@SUM(A1);t-11", Cell(rows, 1, "representative_ticket_ids"));
        foreach (var cell in rows.SelectMany(r => r))
        {
            if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                // Only numbers this writer formats may lead with a sign.
                Assert.True(double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"unneutralized cell: {cell}");
            }
        }
    }

    [Fact]
    public void Render_Numbers_AreInvariantFractionsAndNegativeLiftStaysNumeric()
    {
        var rows = Rows();

        Assert.Equal("0.08", Cell(rows, 0, "fcr_points_lost"));
        Assert.Equal("0.045", Cell(rows, 0, "expected_fcr_lift"));
        Assert.Equal("0.03", Cell(rows, 0, "expected_fcr_lift_ci_low"));
        Assert.Equal("0.428571", Cell(rows, 0, "fcr"));
        Assert.Equal("1200", Cell(rows, 0, "failure_cost"));
        Assert.Equal("true", Cell(rows, 0, "emerging"));
        Assert.Equal("password;reset link;expired", Cell(rows, 0, "keywords"));
        Assert.Equal("-0.001", Cell(rows, 2, "expected_fcr_lift"));
        Assert.Equal(string.Empty, Cell(rows, 2, "fcr"));
        Assert.Equal(string.Empty, Cell(rows, 2, "trend"));
        Assert.Equal(string.Empty, Cell(rows, 2, "top_article_id"));
    }

    [Fact]
    public void Render_Records_EndWithCrLf()
    {
        var csv = GapsCsv.Render(Full());

        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
        Assert.StartsWith("rank,id,title,type,", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@x", "'@x")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("plain", "plain")]
    [InlineData("a=b", "a=b")]
    public void Text_LeadingFormulaCharacter_GetsAQuote(string value, string expected)
    {
        Assert.Equal(expected, GapsCsv.Text(value));
    }

    [Fact]
    public void Render_NoGapsOrMetricsOnly_WritesTheHeaderOnly()
    {
        Assert.Single(CsvText.Parse(GapsCsv.Render(Empty())));
        Assert.Single(CsvText.Parse(GapsCsv.Render(NullMetrics())));
    }
}
