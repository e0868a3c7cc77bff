using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Embeddings;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Core.Tracking;
using Microsoft.Extensions.AI;

namespace KnowledgeLoop.Core.Tests.Tracking;

public sealed class SecondaryFailuresTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[][] Topics =
    [
        ["invoice", "pdf", "template", "logo", "footer", "branding", "layout", "font", "header", "margin"],
        ["bank", "feed", "duplicate", "transactions", "statement", "import", "reconcile", "lines", "chase", "sync"],
        ["password", "login", "sso", "saml", "okta", "locked", "reset", "authenticator", "session", "signin"],
    ];

    [Fact]
    public void Analyze_ReopenedTicketWhoseLaterMessageIsAnotherTopic_CountsInBothGaps()
    {
        var tickets = Corpus();
        tickets.Add(Reopened("mixed", Words(0, 14, 1), Words(2, 8, 2)));
        tickets.Add(Reopened("same", Words(1, 14, 3), Words(1, 8, 4)));
        tickets.Add(Reopened("agent-note", Words(1, 14, 5), Words(2, 8, 6)) is var t ? t with { Messages = [t.Messages[0] with { Author = "agent" }] } : t);

        var report = GapAnalyzer.Analyze(new AnalysisInput(tickets, [], []), new AnalysisOptions { Clusters = 3 }).Report;

        var invoices = GapWith(report, "invoice-0");
        var logins = GapWith(report, "password-0");
        var banking = GapWith(report, "bank-0");
        Assert.Contains("mixed", invoices.FailureTicketIds);
        Assert.Equal(["mixed"], logins.SecondaryFailureTicketIds);
        Assert.Equal(1, logins.SecondaryFailures);
        Assert.DoesNotContain("mixed", logins.FailureTicketIds);
        Assert.Equal(logins.FailureTicketIds.Count, logins.FailureCount);
        Assert.Contains("same", banking.FailureTicketIds);
        Assert.Contains("agent-note", banking.FailureTicketIds);
        Assert.All(report.Gaps!, g => Assert.DoesNotContain("same", g.SecondaryFailureTicketIds!));
        Assert.All(report.Gaps!, g => Assert.DoesNotContain("agent-note", g.SecondaryFailureTicketIds!));
        Assert.Equal(0, invoices.SecondaryFailures);
    }

    [Fact]
    public async Task AnalyzeAsync_EmbedderGiven_LaterMessageEmbeddedThroughItToo()
    {
        var tickets = Corpus();
        tickets.Add(Reopened("mixed", Words(0, 14, 1), Words(2, 8, 2)));
        var model = LsaModel.Fit(tickets.Select(GapAnalyzer.TicketText).ToList(), new LsaOptions { Dimensions = 32, Seed = 7 });
        var embedder = new CountingEmbedder(new LsaEmbedder(model));

        var report = (await GapAnalyzer.AnalyzeAsync(new AnalysisInput(tickets, [], []) { Embedder = embedder }, new AnalysisOptions { Clusters = 3 })).Report;

        Assert.Contains(string.Join(' ', Words(2, 8, 2)), embedder.Texts);
        Assert.Equal(["mixed"], GapWith(report, "password-0").SecondaryFailureTicketIds);
    }

    [Fact]
    public void CustomerText_CustomerAndOwnIdMessages_JoinedAndAgentAndInternalLeftOut()
    {
        var ticket = new Ticket
        {
            Id = "t",
            CustomerId = "cust-9",
            CreatedAt = Start,
            Subject = "s",
            Messages =
            [
                new TicketMessage { CreatedAt = Start.AddHours(1), Body = "agent answer", Author = "agent" },
                new TicketMessage { CreatedAt = Start.AddHours(2), Body = "still broken", Author = "Customer" },
                new TicketMessage { CreatedAt = Start.AddHours(3), Body = "internal", Author = "customer", Public = false },
                new TicketMessage { CreatedAt = Start.AddHours(4), Body = " and now the export ", Author = "cust-9" },
            ],
        };

        Assert.Equal("still broken\n\nand now the export", LaterMessages.CustomerText(ticket));
        Assert.Null(LaterMessages.CustomerText(ticket with { Messages = [] }));
    }

    [Fact]
    public void Attribute_SameOrNoCluster_IsNotSecondary()
    {
        var secondary = SecondaryFailures.Attribute([0, 1, 2, 3], [1, 0, -1, 0], [0, 0, 0, -1], 2);

        Assert.Equal([3], secondary[0]);
        Assert.Equal([0], secondary[1]);
    }

    /// <summary>Passes through to an embedder and keeps every text it was asked for.</summary>
    private sealed class CountingEmbedder(IEmbeddingGenerator<string, Embedding<float>> inner) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public List<string> Texts { get; } = [];

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.ToList();
            Texts.AddRange(list);
            return inner.GenerateAsync(list, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);

        public void Dispose()
        {
        }
    }

    private static GapDocument GapWith(ReportDocument report, string ticketId) =>
        Assert.Single(report.Gaps!, g => g.FailureTicketIds.Contains(ticketId));

    /// <summary>Three topics, 24 reopened and 16 clean tickets each, all from different customers.</summary>
    private static List<Ticket> Corpus()
    {
        var tickets = new List<Ticket>();
        for (var topic = 0; topic < Topics.Length; topic++)
        {
            for (var k = 0; k < 40; k++)
            {
                var name = Topics[topic][0] + "-" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var created = Start.AddHours((k * 17) + (topic * 5));
                tickets.Add(new Ticket
                {
                    Id = name,
                    CustomerId = "c-" + name,
                    CreatedAt = created,
                    ResolvedAt = created.AddHours(3),
                    Subject = string.Join(' ', Words(topic, 3, (topic * 1000) + k)),
                    Description = string.Join(' ', Words(topic, 10, (topic * 1000) + k + 500)),
                    ReopenCount = k < 24 ? 1 : 0,
                });
            }
        }

        // A late ticket so every other one is mature.
        tickets.Add(new Ticket { Id = "last", CustomerId = "late", CreatedAt = Start.AddDays(60), Subject = "thanks" });
        return tickets;
    }

    private static Ticket Reopened(string id, string[] first, string[] later)
    {
        var created = Start.AddDays(10);
        return new Ticket
        {
            Id = id,
            CustomerId = "c-" + id,
            CreatedAt = created,
            ResolvedAt = created.AddDays(2),
            Subject = string.Join(' ', first.Take(4)),
            Description = string.Join(' ', first.Skip(4)),
            ReopenCount = 1,
            Messages = [new TicketMessage { CreatedAt = created.AddDays(1), Body = string.Join(' ', later), Author = "customer" }],
        };
    }

    private static string[] Words(int topic, int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Topics[topic][random.Next(Topics[topic].Length)]).ToArray();
    }
}
