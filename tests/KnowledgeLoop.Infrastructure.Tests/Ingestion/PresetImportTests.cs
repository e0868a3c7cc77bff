using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Infrastructure.Ingestion;
using static KnowledgeLoop.Infrastructure.Tests.Ingestion.Ingest;

namespace KnowledgeLoop.Infrastructure.Tests.Ingestion;

public sealed class PresetImportTests
{
    [Fact]
    public async Task Zendesk_TicketsWithMetrics_JoinReopensRepliesStationsAndSolvedAt()
    {
        var rows = await TicketsAsync(Fixture("zendesk/tickets.json"), ImportFormat.Zendesk, metrics: Fixture("zendesk/ticket_metrics.json"));

        Assert.Equal(2, rows.Count);
        var solved = rows[0].Entity!;
        Assert.Equal(3, rows[0].Line);
        Assert.Equal("35436", solved.Id);
        Assert.Equal(Utc(2026, 5, 4, 9, 12), solved.CreatedAt);
        Assert.Equal("20978392", solved.CustomerId);
        Assert.Equal("Help, my printer is on fire!", solved.Subject);
        Assert.Equal("The fire is very colorful.", solved.Description);
        Assert.Equal("solved", solved.Status);
        Assert.Equal("web", solved.Channel);
        Assert.Equal("high", solved.Priority);
        Assert.Equal("98738", solved.Group);
        Assert.Equal("235323", solved.Agent);
        Assert.Equal(1.0, solved.Csat);
        Assert.Equal(1, solved.ReopenCount);
        Assert.Equal(4, solved.Replies);
        Assert.Equal(2, solved.GroupTransfers);
        Assert.True(solved.Escalated);
        Assert.Equal(Utc(2026, 5, 6, 10, 30), solved.ResolvedAt);
        Assert.Equal("enterprise;printer", solved.Attributes["tags"]);
        Assert.Equal("incident", solved.Attributes["type"]);

        var open = rows[1].Entity!;
        Assert.Equal("35437", open.Id);
        Assert.Null(open.ResolvedAt);
        Assert.Null(open.Csat);
        Assert.Null(open.Agent);
        Assert.Equal(0, open.GroupTransfers);
        Assert.False(open.Escalated);
        Assert.Equal(0, open.Replies);
    }

    [Fact]
    public async Task Zendesk_TicketsWithoutMetrics_SolvedTicketFallsBackToUpdatedAt()
    {
        var rows = await TicketsAsync(Fixture("zendesk/tickets.json"), ImportFormat.Zendesk);

        Assert.Equal(Utc(2026, 5, 6, 11, 0), rows[0].Entity!.ResolvedAt);
        Assert.Equal(0, rows[0].Entity!.ReopenCount);
        Assert.Null(rows[0].Entity!.Replies);
        Assert.False(rows[0].Entity!.Escalated);
    }

    [Fact]
    public async Task Zendesk_MissingMetricsFile_IsAFileProblem()
    {
        var rows = await TicketsAsync(Fixture("zendesk/tickets.json"), ImportFormat.Zendesk, metrics: Fixture("zendesk/nope.json"));

        var row = Assert.Single(rows);
        Assert.Null(row.Entity);
        Assert.Null(row.Raw);
        Assert.Contains("ticket metrics", Assert.Single(row.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zendesk_GuideArticles_ReduceHtmlBodiesAndUseEditedAt()
    {
        var rows = await ArticlesAsync(Fixture("zendesk/articles.json"), ImportFormat.Zendesk);

        var article = Assert.Single(rows).Entity!;
        Assert.Equal("360001234567", article.Id);
        Assert.Equal("Reset your password", article.Title);
        Assert.Equal(ArticleFormat.Html, article.Format);
        Assert.Equal("## Before you start\n\nYou need access to your email.\n\n- Open Settings\n- Click Reset", article.Body);
        Assert.Equal("https://acme.zendesk.com/hc/en-us/articles/360001234567-Reset-your-password", article.Url);
        Assert.Equal(Utc(2026, 4, 1, 9, 30), article.UpdatedAt);
        Assert.Equal(Utc(2025, 11, 2, 10, 0), article.CreatedAt);
        Assert.Equal(["account", "login"], article.Tags);
        Assert.Equal("98838", article.Section);
    }

    [Fact]
    public async Task Freshdesk_TicketCsv_MapsExportColumns()
    {
        var rows = await TicketsAsync(Fixture("freshdesk/tickets.csv"), ImportFormat.Freshdesk);

        Assert.Equal(2, rows.Count);
        var closed = rows[0].Entity!;
        Assert.Equal("1001", closed.Id);
        Assert.Equal("Export to Excel broken", closed.Subject);
        Assert.Equal("The export button does nothing since Monday.", closed.Description);
        Assert.Equal("Closed", closed.Status);
        Assert.Equal("Medium", closed.Priority);
        Assert.Equal("Email", closed.Channel);
        Assert.Equal("Problem", closed.Category);
        Assert.Equal("Ana Ruiz", closed.Agent);
        Assert.Equal("Tier 1", closed.Group);
        Assert.Equal("Reports", closed.Product);
        Assert.Equal("4711", closed.CustomerId);
        Assert.Equal(Utc(2026, 5, 4, 9, 12), closed.CreatedAt);
        Assert.Equal(Utc(2026, 5, 4, 15, 0), closed.ResolvedAt);
        Assert.Equal(1, closed.Replies);
        Assert.Equal("Within SLA", closed.Attributes["Resolution status"]);
        Assert.Equal("00:28:00", closed.Attributes["First response time (in hrs)"]);

        var open = rows[1].Entity!;
        Assert.Equal("kim@example.com", open.CustomerId);
        Assert.Null(open.ResolvedAt);
        Assert.Null(open.Description);
        Assert.Equal(0, open.Replies);
        Assert.Equal("onboarding;users", open.Attributes["Tags"]);
    }

    [Fact]
    public async Task Jira_IssuesWithChangelog_CountReopensFromDoneAndReadAdfAndComments()
    {
        var rows = await TicketsAsync(Fixture("jira/issues.json"), ImportFormat.Jira);

        Assert.Equal(2, rows.Count);
        var done = rows[0].Entity!;
        Assert.Equal("SUP-17", done.Id);
        Assert.Equal(Utc(2026, 5, 4, 7, 12), done.CreatedAt);
        Assert.Equal(Utc(2026, 5, 8, 16, 20), done.ResolvedAt);
        Assert.Equal("5b10a2844c20165700ede21g", done.CustomerId);
        Assert.Equal("VPN drops every 10 minutes", done.Subject);
        Assert.Equal("Since the update the VPN disconnects.\nWindows 11.", done.Description);
        Assert.Equal("Done", done.Status);
        Assert.Equal("Incident", done.Category);
        Assert.Equal("Support", done.Product);
        Assert.Equal("High", done.Priority);
        Assert.Equal("Ana Agent", done.Agent);
        Assert.Equal("Done", done.Resolution);
        Assert.Equal(1, done.ReopenCount);
        Assert.Equal("vpn;windows", done.Attributes["fields.labels"]);
        Assert.DoesNotContain(done.Attributes.Keys, k => k.StartsWith("changelog", StringComparison.Ordinal));
        Assert.Equal(3, done.Messages.Count);
        Assert.Equal("Please update the client.", done.Messages[0].Body);
        Assert.Equal("Ana Agent", done.Messages[0].Author);
        Assert.Equal("Still happening after the fix.", done.Messages[1].Body);
        Assert.False(done.Messages[2].Public);

        var open = rows[1].Entity!;
        Assert.Equal("SUP-18", open.Id);
        Assert.Equal("kim", open.CustomerId);
        Assert.Equal("How can I make a colleague admin?", open.Description);
        Assert.Null(open.ResolvedAt);
        Assert.Null(open.Agent);
        Assert.Equal(0, open.ReopenCount);
        Assert.Empty(open.Messages);
    }

    [Fact]
    public async Task ServiceNow_UpdateRows_CollapseToHighestModCount()
    {
        var rows = await TicketsAsync(Fixture("servicenow/incidents.csv"), ImportFormat.ServiceNow);

        Assert.Equal(2, rows.Count);
        var first = rows[0].Entity!;
        Assert.Equal("INC0010001", first.Id);
        Assert.Equal(5, rows[0].Line); // sys_mod_count 4 is on line 5, although a later line (mod count 2) follows
        Assert.Equal("Closed", first.Status);
        Assert.Equal("Caller 2403", first.CustomerId);
        Assert.Equal("VPN keeps dropping", first.Subject);
        Assert.Equal(new DateTimeOffset(2016, 2, 29, 1, 16, 0, TimeSpan.Zero), first.CreatedAt);
        Assert.Equal(new DateTimeOffset(2016, 2, 29, 11, 29, 0, TimeSpan.Zero), first.ResolvedAt);
        Assert.Equal("Network L2", first.Group);
        Assert.Equal("Resolver 8", first.Agent);
        Assert.Equal("Phone", first.Channel);
        Assert.Equal("Network", first.Category);
        Assert.Equal("3 - Moderate", first.Priority);
        Assert.Equal("Replaced the VPN profile", first.Resolution);
        Assert.Equal(1, first.GroupTransfers);
        Assert.Equal(1, first.EscalationLevel);
        Assert.True(first.Escalated);
        Assert.Null(first.ResolvedBy);
        Assert.Equal("Resolved by 149", first.Attributes["resolved_by"]);
        Assert.Equal("VPN", first.Attributes["subcategory"]);

        var second = rows[1].Entity!;
        Assert.Equal("INC0010002", second.Id);
        Assert.Equal(7, rows[1].Line);
        Assert.Equal("Resolved", second.Status);
        Assert.Equal(1, second.ReopenCount);
        Assert.False(second.Escalated);
        Assert.Equal("Repaired the Office install", second.Resolution);
    }

    [Fact]
    public async Task ServiceNow_TableApiJson_ReadsReferenceValuesAndStateCodes()
    {
        var rows = await TicketsAsync(Fixture("servicenow/incidents.json"), ImportFormat.ServiceNow);

        var row = Assert.Single(rows);
        var incident = row.Entity!;
        Assert.Equal(3, row.Line);
        Assert.Equal("INC0000045", incident.Id);
        Assert.Equal("Closed", incident.Status);
        Assert.Equal("5137153cc611227c000bbd1bd8cd2007", incident.CustomerId);
        Assert.Equal("287ebd7da9fe198100f92cc8d1d2154e", incident.Group);
        Assert.Equal("Email server is down.", incident.Subject);
        Assert.Equal("Nobody in Building 3 receives mail.", incident.Description);
        Assert.Equal(Utc(2026, 5, 4, 15, 0), incident.ResolvedAt);
        Assert.Equal(1, incident.ReopenCount);
        Assert.Equal(2, incident.GroupTransfers);
        Assert.Equal(0, incident.EscalationLevel);
        Assert.True(incident.Escalated);
        Assert.Equal("Solved (Permanently)", incident.Attributes["close_code"]);
    }

    [Fact]
    public async Task ServiceNow_ExportWithoutShortDescription_IsRefusedUnlessAMappingNamesASubject()
    {
        const string Csv = "number,opened_at,caller_id,u_symptom,sys_mod_count\nINC1,29-02-2016 01:16,Caller 1,Symptom 72,0\n";
        var path = Path.Combine(Path.GetTempPath(), $"kl-sn-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, Csv);
        try
        {
            var refused = Assert.Single(await TicketsAsync(path, ImportFormat.ServiceNow));
            Assert.Null(refused.Entity);
            Assert.Equal(1, refused.Line);
            Assert.Contains("one of subject or description", Assert.Single(refused.Problems).Reason, StringComparison.Ordinal);

            var mapping = FieldMapping.Load(Fixture("servicenow-mapping.yaml"));
            var mapped = Assert.Single(await TicketsAsync(path, ImportFormat.ServiceNow, mapping));
            Assert.Equal("Symptom 72", mapped.Entity!.Subject);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Jira_NavigatorCsv_JoinsRepeatedLabelColumns()
    {
        var rows = await TicketsAsync(Fixture("jira/issues.csv"), ImportFormat.Jira);

        var issue = Assert.Single(rows).Entity!;
        Assert.Equal("SUP-30", issue.Id);
        Assert.Equal("mia", issue.CustomerId);
        Assert.Equal(Utc(2026, 5, 4, 9, 12), issue.CreatedAt);
        Assert.Equal(Utc(2026, 5, 5, 10, 0), issue.ResolvedAt);
        Assert.Equal("The printer on floor 2 is offline.\nRestarted it twice.", issue.Description);
        Assert.Equal("Incident", issue.Category);
        Assert.Equal("printer;office", issue.Attributes["Labels"]);
        Assert.Equal("10030", issue.Attributes["Issue id"]);
    }

    [Fact]
    public async Task Zendesk_JsonLinesWithSideLoadedMetricSet_UsesTheMetricSet()
    {
        var path = Path.Combine(Path.GetTempPath(), $"kl-zd-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(path,
            "{\"id\": 7, \"created_at\": \"2026-05-01T08:00:00Z\", \"requester_id\": 3, \"subject\": \"Refund\", \"status\": \"closed\", \"metric_set\": {\"reopens\": 2, \"replies\": 1, \"group_stations\": 1, \"solved_at\": \"2026-05-02T08:00:00Z\"}}\n");
        try
        {
            var ticket = Assert.Single(await TicketsAsync(path, ImportFormat.Zendesk)).Entity!;

            Assert.Equal(2, ticket.ReopenCount);
            Assert.Equal(1, ticket.Replies);
            Assert.Equal(0, ticket.GroupTransfers);
            Assert.False(ticket.Escalated);
            Assert.Equal(Utc(2026, 5, 2, 8, 0), ticket.ResolvedAt);
            Assert.DoesNotContain(ticket.Attributes.Keys, k => k.StartsWith("metric_set", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
