using System.Text.Json;
using KnowledgeLoop.Core.Metrics;
using KnowledgeLoop.Core.Reports;
using static KnowledgeLoop.Core.Tests.Metrics.MetricsFixtures;

namespace KnowledgeLoop.Core.Tests.Reports;

public class ReportJsonTests
{
    private static readonly DateTimeOffset Generated = new(2026, 8, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] RateNames =
    [
        "fcr", "reopen_rate", "escalation_rate", "first_tier_resolution_rate", "repeat_contact_rate",
        "deflection_rate", "nia_rate", "link_rate", "autonomous_resolution_rate",
    ];

    private static ReportDocument Document()
    {
        var options = Options(60, o => o.Segments = [SegmentDimension.Category, SegmentDimension.Month]);
        var result = MetricsEngine.Compute(
            [Ticket("a", "c1", 0, 1, articles: ["kb1"]), Ticket("b", "c2", 0, 2, reopens: 1, category: null), Ticket("c", "c3", 0)],
            [],
            options,
            articleCount: 4);
        return MetricsDocument.From(result, options, new FixedTimeProvider(Generated));
    }

    private static JsonElement Parse(ReportDocument document) => JsonDocument.Parse(ReportJson.Serialize(document)).RootElement.Clone();

    private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Serialize_MetricsDocument_UsesContractFieldNames()
    {
        var json = Parse(Document());

        Assert.Equal(
            ["generated_at", "as_of", "settings", "counts", "metrics", "median_hours_to_resolution", "segments", "articles", "diagnostics"],
            Names(json));
        Assert.Equal(["tickets", "first_contacts", "mature_first_contacts", "immature", "failures", "articles", "sessions"], Names(json.GetProperty("counts")));
        Assert.Equal(RateNames, Names(json.GetProperty("metrics")));
        Assert.Equal(["rate", "numerator", "denominator", "ci_low", "ci_high"], Names(json.GetProperty("metrics").GetProperty("fcr")));
        Assert.Equal(["category", "month"], Names(json.GetProperty("segments")));
        var row = json.GetProperty("segments").GetProperty("category")[0];
        Assert.Equal(["key", "tickets", "median_hours_to_resolution", "metrics"], Names(row));
        Assert.Equal(RateNames, Names(row.GetProperty("metrics")));
        Assert.Equal(
            ["as_of_override", "fcr_window_hours", "fcr_business_days", "deflection_window_hours", "nia_window_hours", "segments", "diagnostic_minimum_sample"],
            Names(json.GetProperty("settings")));
    }

    [Fact]
    public void Serialize_MetricsDocument_WritesTheNumbers()
    {
        var json = Parse(Document());

        Assert.Equal("2026-08-01T12:00:00+00:00", json.GetProperty("generated_at").GetString());
        Assert.Equal("2026-07-31T00:00:00+00:00", json.GetProperty("as_of").GetString());
        var fcr = json.GetProperty("metrics").GetProperty("fcr");
        Assert.Equal(1, fcr.GetProperty("numerator").GetInt64());
        Assert.Equal(3, fcr.GetProperty("denominator").GetInt64());
        Assert.Equal(1 / 3.0, fcr.GetProperty("rate").GetDouble(), Tolerance);
        Assert.Equal(new Rate(1, 3).CiLow, fcr.GetProperty("ci_low").GetDouble(), Tolerance);
        Assert.Equal(4, json.GetProperty("counts").GetProperty("articles").GetInt64());
        Assert.Equal(36, json.GetProperty("median_hours_to_resolution").GetDouble(), Tolerance);
        Assert.Equal(168, json.GetProperty("settings").GetProperty("fcr_window_hours").GetDouble(), Tolerance);
        Assert.Equal(["category", "month"], json.GetProperty("settings").GetProperty("segments").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("kb1", json.GetProperty("articles")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void Serialize_NotComputableRate_IsJsonNull()
    {
        var json = Parse(Document());

        Assert.Equal(JsonValueKind.Null, json.GetProperty("metrics").GetProperty("deflection_rate").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("metrics").GetProperty("autonomous_resolution_rate").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("settings").GetProperty("fcr_business_days").ValueKind);
    }

    [Fact]
    public void Serialize_WithoutGaps_OmitsGapFields()
    {
        var json = Parse(Document());

        Assert.False(json.TryGetProperty("gaps", out _));
        Assert.False(json.TryGetProperty("unclustered_failures", out _));
    }

    [Fact]
    public void Serialize_WithGaps_WritesContractGapFields()
    {
        var gap = new GapDocument
        {
            Id = "gap-1",
            Rank = 1,
            Title = "Password reset",
            Type = "missing",
            Reason = "no article passes 0.35",
            Keywords = ["password", "reset"],
            Emerging = false,
            TicketCount = 10,
            FailureCount = 6,
            Fcr = MetricsDocument.Map(new Rate(4, 10)),
            FcrPointsLost = 0.02,
            ExpectedFcrLift = 0.01,
            Trend = null,
            Coverage = 0.1,
            TopArticles = [new GapArticleDocument { Id = "kb1", Title = "Reset", Similarity = 0.3 }],
            RepresentativeTicketIds = ["a"],
            FailureTicketIds = ["a", "b"],
        };

        var json = Parse(Document() with { Gaps = [gap], UnclusteredFailures = ["c"] });

        Assert.Equal(
            ["id", "rank", "title", "type", "reason", "keywords", "emerging", "ticket_count", "failure_count", "fcr", "fcr_points_lost",
             "expected_fcr_lift", "trend", "coverage", "top_articles", "representative_ticket_ids", "failure_ticket_ids"],
            Names(json.GetProperty("gaps")[0]).Take(17)); // the contract's fields first; extensions follow
        Assert.Equal(["id", "title", "similarity"], Names(json.GetProperty("gaps")[0].GetProperty("top_articles")[0]).Take(3));
        Assert.Equal("c", json.GetProperty("unclustered_failures")[0].GetString());
    }

    [Fact]
    public void Deserialize_SerializedDocument_RoundTripsByteForByte()
    {
        var document = Document();
        var json = ReportJson.Serialize(document);

        var back = ReportJson.Deserialize(json);

        Assert.Equal(json, ReportJson.Serialize(back));
        Assert.Equal(document.AsOf, back.AsOf);
        Assert.Null(back.Metrics.DeflectionRate);
        Assert.Equal(document.Metrics.Fcr, back.Metrics.Fcr);
    }

    [Fact]
    public void Deserialize_Null_Throws()
    {
        Assert.Throws<JsonException>(() => ReportJson.Deserialize("null"));
    }

    [Fact]
    public void Serialize_ToStream_MatchesString()
    {
        var document = Document();
        using var stream = new MemoryStream();

        ReportJson.Serialize(stream, document);

        Assert.Equal(ReportJson.Serialize(document), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
