using System.Text.Json.Nodes;
using KnowledgeLoop.Infrastructure.Ai;

namespace KnowledgeLoop.Infrastructure.Tests.Ai;

/// <summary>Redaction before text leaves the machine: what is masked, and that none of it reaches the wire.</summary>
public sealed class RedactionTests
{
    private const string Ticket =
        "Hi team, my card 4111 1111 1111 1111 was charged twice. Customer ID: CUST-88123. " +
        "Call me on +44 20 7946 0958 or write to ana.lopez@example.com.\nThanks,\nAna Lopez\nAlso ask Priya Raman from finance.";

    private static readonly TextRedactor Redactor = new(names: ["Priya Raman"], customerIds: ["C-99123"]);

    [Fact]
    public void Redact_TicketWithPersonalData_MasksCardCustomerPhoneEmailAndNames()
    {
        var redacted = Redactor.Redact(Ticket);

        Assert.DoesNotContain("4111", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("88123", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("7946", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("ana.lopez", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("Lopez", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("Priya", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("Raman", redacted, StringComparison.Ordinal);
        Assert.Contains("[card]", redacted, StringComparison.Ordinal);
        Assert.Contains("[customer]", redacted, StringComparison.Ordinal);
        Assert.Contains("charged twice", redacted, StringComparison.Ordinal);
        Assert.Contains("finance", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("order C-99123 is late", "order [customer] is late")]
    [InlineData("account #55120 locked", "[customer] locked")]
    [InlineData("invoice INV-0042 is wrong", "invoice INV-0042 is wrong")]
    [InlineData("error 429 on the api", "error 429 on the api")]
    [InlineData("card 5500-0000-0000-0004 declined", "card [card] declined")]
    public void Redact_Identifiers_MasksIdsAndKeepsOrdinaryNumbers(string text, string expected) =>
        Assert.Equal(expected, Redactor.Redact(text));

    [Fact]
    public async Task Embeddings_WithRedaction_SendNoEmailPhoneCardOrListedName()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var options = new OpenAiOptions { Endpoint = server.Endpoint, ApiKey = server.ApiKey, EmbeddingModel = "m", RetryDelay = TimeSpan.Zero };
        using var generator = new OpenAiEmbeddingGenerator(options, Redactor);

        await generator.GenerateAsync([Ticket, "Priya Raman says the export fails"]);

        var wire = Assert.Single(server.Embeddings).Body;
        foreach (var secret in new[] { "4111", "88123", "7946", "ana.lopez", "example.com", "Lopez", "Priya", "Raman" })
        {
            Assert.DoesNotContain(secret, wire, StringComparison.Ordinal);
        }

        Assert.Contains("charged twice", JsonNode.Parse(wire)!["input"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
