using System.Globalization;
using System.Text.Json;

namespace KnowledgeLoop.Samples;

/// <summary>Writes ground_truth.json: the run's options, every topic with planned and realized figures, and the planted gaps.</summary>
internal static class GroundTruthWriter
{
    public static void Write(SampleDataResult result, SampleDataOptions options, IReadOnlyList<CompiledTopic> topics, IReadOnlyList<TopicStats> stats, DateTime publishedAt, DateTime start, DateTime end)
    {
        using var stream = new FileStream(result.GroundTruthPath, FileMode.Create, FileAccess.Write);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteString("generator", "KnowledgeLoop.Samples");
        json.WriteNumber("format_version", 1);
        json.WriteString("company", "Ledgerly (fictional invoicing and accounting SaaS)");
        json.WriteStartObject("options");
        json.WriteNumber("seed", options.Seed);
        json.WriteNumber("tickets", options.Tickets);
        json.WriteNumber("months", options.Months);
        json.WriteString("start", Date(start));
        json.WriteNumber("customers", options.EffectiveCustomers);
        json.WriteEndObject();
        json.WriteStartObject("period");
        json.WriteString("start", Date(start));
        json.WriteString("end_exclusive", Date(end));
        json.WriteString("emerging_window_start", Date(end.AddDays(-SampleDataGenerator.EmergingWindowDays)));
        json.WriteString("article_published_mid_period_at", publishedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteEndObject();
        json.WriteStartObject("counts");
        json.WriteNumber("tickets", result.Tickets);
        json.WriteNumber("first_contacts", result.Tickets - result.FollowUps);
        json.WriteNumber("follow_ups", result.FollowUps);
        json.WriteNumber("sessions", result.Sessions);
        json.WriteNumber("articles", result.Articles);
        json.WriteNumber("customers", result.Customers);
        var firstContacts = stats.Sum(s => s.FirstContacts);
        var failures = stats.Sum(s => s.Failures);
        json.WriteNumber("first_contact_failures", failures);
        json.WriteNumber("first_contact_failure_rate", Rate(failures, firstContacts));
        json.WriteEndObject();

        json.WriteString("notes", "Realized figures count every first contact (no maturity rule). A failure is a first contact that was reopened, escalated or followed up by a planted follow-up (same customer, same category, within 7 days of resolution). Accidental repeat contacts by busy customers can add a few follow-ups that are not planted.");

        json.WriteStartArray("topics");
        foreach (var topic in topics)
        {
            var spec = topic.Spec;
            var s = stats[topic.Index];
            json.WriteStartObject();
            json.WriteString("id", spec.Id);
            json.WriteString("name", spec.Name);
            json.WriteString("category", spec.Category);
            json.WriteString("product", spec.Product);
            json.WriteString("group", spec.Group);
            json.WriteString("role", Role(spec.Role));
            WriteStrings(json, "article_ids", topic.ArticleIds);
            WriteStrings(json, "near_miss_article_ids", spec.NearMissArticleIds);
            json.WriteNumber("planned_failure_rate", spec.FailureRate);
            json.WriteNumber("planned_link_rate", topic.ArticleIds.Length > 0 ? spec.LinkRate : 0);
            json.WriteNumber("planned_deflection", spec.Deflection);
            json.WriteNumber("first_contacts", s.FirstContacts);
            json.WriteNumber("failures", s.Failures);
            json.WriteNumber("failure_rate", Rate(s.Failures, s.FirstContacts));
            json.WriteNumber("escalation_share_of_failures", Rate(s.Escalations, s.Failures));
            json.WriteNumber("link_rate", Rate(s.Linked, s.FirstContacts));
            json.WriteNumber("sessions", s.Sessions);
            json.WriteNumber("session_deflection", Rate(s.Sessions - s.SessionsFollowedByTicket, s.Sessions));
            json.WriteNumber("first_contacts_last_30_days", s.FirstContactsLastMonth);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("planted_gaps");
        foreach (var topic in topics.Where(t => t.Spec.Role is not (TopicRole.Covered or TopicRole.Control)))
        {
            var spec = topic.Spec;
            var s = stats[topic.Index];
            json.WriteStartObject();
            json.WriteString("type", spec.Role switch
            {
                TopicRole.Missing or TopicRole.Emerging or TopicRole.PublishedMidPeriod => "missing",
                TopicRole.Ineffective => "ineffective",
                TopicRole.Findability => "findability",
                TopicRole.Process => "process",
                TopicRole.Duplicate => "duplicate",
                _ => "other",
            });
            json.WriteString("topic", spec.Id);
            json.WriteString("role", Role(spec.Role));
            WriteStrings(json, "article_ids", topic.ArticleIds);
            json.WriteBoolean("emerging", spec.Role == TopicRole.Emerging);
            json.WriteString("expectation", spec.Expectation ?? string.Empty);
            json.WriteNumber("failure_rate", Rate(s.Failures, s.FirstContacts));
            if (spec.Role == TopicRole.PublishedMidPeriod)
            {
                json.WriteStartObject("impact");
                json.WriteString("article_id", topic.ArticleIds[0]);
                json.WriteString("published_at", publishedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                json.WriteNumber("first_contacts_before", s.FirstContacts - s.FirstContactsAfterPublish);
                json.WriteNumber("failure_rate_before", Rate(s.Failures - s.FailuresAfterPublish, s.FirstContacts - s.FirstContactsAfterPublish));
                json.WriteNumber("first_contacts_after", s.FirstContactsAfterPublish);
                json.WriteNumber("failure_rate_after", Rate(s.FailuresAfterPublish, s.FirstContactsAfterPublish));
                json.WriteString("expected_verdict", "improved");
                json.WriteEndObject();
            }

            if (spec.Role == TopicRole.Emerging)
            {
                json.WriteStartObject("surge");
                json.WriteString("window_start", Date(end.AddDays(-SampleDataGenerator.EmergingWindowDays)));
                json.WriteNumber("first_contacts_last_30_days", s.FirstContactsLastMonth);
                json.WriteNumber("first_contacts_before", s.FirstContacts - s.FirstContactsLastMonth);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("controls");
        foreach (var topic in topics.Where(t => t.Spec.Role == TopicRole.Control))
        {
            json.WriteStartObject();
            json.WriteString("topic", topic.Spec.Id);
            WriteStrings(json, "article_ids", topic.ArticleIds);
            json.WriteString("expectation", "well covered: low failure rate, high link rate and deflection; must not be reported as a gap");
            json.WriteNumber("failure_rate", Rate(stats[topic.Index].Failures, stats[topic.Index].FirstContacts));
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartObject("files");
        json.WriteString("tickets", "tickets.csv");
        json.WriteString("sessions", "sessions.csv");
        json.WriteString("articles", "articles/");
        json.WriteString("ticket_topics", "ticket_topics.csv");
        json.WriteString("session_topics", "session_topics.csv");
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static string Role(TopicRole role) => role switch
    {
        TopicRole.PublishedMidPeriod => "published_mid_period",
        _ => role.ToString().ToLowerInvariant(),
    };

    private static double Rate(long numerator, long denominator) =>
        denominator == 0 ? 0 : Math.Round((double)numerator / denominator, 4);

    private static string Date(DateTime time) => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
