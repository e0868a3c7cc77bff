using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Infrastructure.Ingestion;
using static KnowledgeLoop.Infrastructure.Tests.Ingestion.Ingest;

namespace KnowledgeLoop.Infrastructure.Tests.Ingestion;

/// <summary>Later messages (comments, conversation parts) from the generic and Zendesk presets, and Jira's reporter comments.</summary>
public sealed class TicketMessagesImportTests
{
    [Fact]
    public async Task Generic_MessagesCommentsAndConversationParts_ReadWithAuthorsAndNotKeptAsAttributes()
    {
        var rows = await TicketsAsync(Fixture("generic/tickets-messages.json"));

        Assert.All(rows, r => Assert.Empty(r.Problems));
        var sso = rows[0].Entity!;
        Assert.Equal(2, sso.Messages.Count);
        Assert.Equal(("agent", "Please re-upload the IdP certificate."), (sso.Messages[0].Author, sso.Messages[0].Body));
        Assert.Equal(("customer", "That worked, but exports to CSV time out now."), (sso.Messages[1].Author, sso.Messages[1].Body));
        Assert.Equal(Utc(2026, 6, 4, 8, 0), sso.Messages[1].CreatedAt);
        Assert.Equal("That worked, but exports to CSV time out now.", LaterMessages.CustomerText(sso));
        Assert.DoesNotContain(sso.Attributes.Keys, k => k.StartsWith("messages", StringComparison.OrdinalIgnoreCase));

        var question = rows[1].Entity!;
        var only = Assert.Single(question.Messages);
        Assert.Equal(("customer", "Any update?"), (only.Author, only.Body));

        var intercom = rows[2].Entity!;
        Assert.Equal(3, intercom.Messages.Count);
        Assert.Equal(("customer", "Hi, how do I add a VAT number?", true), (intercom.Messages[0].Author, intercom.Messages[0].Body, intercom.Messages[0].Public));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1780563600), intercom.Messages[0].CreatedAt);
        Assert.False(intercom.Messages[1].Public);
        Assert.Equal(("agent", "Settings, then Tax."), (intercom.Messages[2].Author, intercom.Messages[2].Body));
        Assert.DoesNotContain(intercom.Attributes.Keys, k => k.StartsWith("conversation_parts", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task GenericCsv_MessagesColumnWithJsonArray_Read()
    {
        const string Csv = "id,created_at,customer_id,subject,messages\n"
            + "1,2026-06-01T09:00:00Z,c1,Login fails,\"[{\"\"created_at\"\":\"\"2026-06-02T09:00:00Z\"\",\"\"author\"\":\"\"customer\"\",\"\"body\"\":\"\"Now invoices fail too\"\"}]\"\n"
            + "2,2026-06-01T09:00:00Z,c2,No messages,\n";

        var rows = await TicketsAsync(Csv, "tickets.csv");

        Assert.All(rows, r => Assert.Empty(r.Problems));
        var message = Assert.Single(rows[0].Entity!.Messages);
        Assert.Equal(("customer", "Now invoices fail too"), (message.Author, message.Body));
        Assert.Empty(rows[1].Entity!.Messages);
    }

    [Fact]
    public async Task Zendesk_Comments_DescriptionLeftOutRequesterIsCustomerNotesPrivate()
    {
        var rows = await TicketsAsync(Fixture("zendesk/tickets-comments.json"), ImportFormat.Zendesk);

        var ticket = Assert.Single(rows).Entity!;
        Assert.Equal(
            [("agent", "Upload the logo again under Settings > Branding.", true), ("agent", "Customer is on the legacy plan.", false), ("customer", "Logo fixed, but now the bank feed shows every payment twice.", true)],
            ticket.Messages.Select(m => (m.Author, m.Body, m.Public)).ToList());
        Assert.Equal("Logo fixed, but now the bank feed shows every payment twice.", LaterMessages.CustomerText(ticket));
        Assert.DoesNotContain(ticket.Attributes.Keys, k => k.StartsWith("comments", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Jira_ReporterComment_IsTheCustomers()
    {
        var rows = await TicketsAsync(Fixture("jira/issues.json"), ImportFormat.Jira);

        var done = rows[0].Entity!;
        Assert.Equal("Still happening after the fix.", LaterMessages.CustomerText(done));
        Assert.Equal("Ana Agent", done.Messages[0].Author);
    }
}
