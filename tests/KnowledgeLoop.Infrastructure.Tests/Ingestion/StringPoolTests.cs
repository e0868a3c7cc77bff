using KnowledgeLoop.Infrastructure.Ingestion;
using KnowledgeLoop.Infrastructure.Storage;
using KnowledgeLoop.Infrastructure.Tests.Storage;

namespace KnowledgeLoop.Infrastructure.Tests.Ingestion;

/// <summary>Repeating column values are one string instance per distinct value, read from a file or from the store.</summary>
public sealed class StringPoolTests : IDisposable
{
    private const string Csv = """
        id,created_at,customer_id,subject,status,channel,category,agent
        1,2026-05-01T08:00:00Z,CUS-1,Refund,closed,email,billing,Paul Mercer
        2,2026-05-01T09:00:00Z,CUS-1,Login,closed,email,login,Paul Mercer
        3,2026-05-01T10:00:00Z,CUS-2,Refund again,open,chat,billing,Ann Lee
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Get_EqualValues_ReturnsTheFirstInstance()
    {
        var pool = new StringPool();
        var first = new string("closed".AsSpan());
        var second = new string("closed".AsSpan());

        Assert.Same(first, pool.Get(first));
        Assert.Same(first, pool.Get(second));
        Assert.Null(pool.Get(null));
    }

    [Fact]
    public void Get_PastCapacity_PassesNewValuesThrough()
    {
        var pool = new StringPool(capacity: 1);
        var kept = pool.Get("a");
        var other = new string("b".AsSpan());

        Assert.Same(other, pool.Get(other));
        Assert.NotSame(other, pool.Get(new string("b".AsSpan())));
        Assert.Same(kept, pool.Get(new string("a".AsSpan())));
    }

    [Fact]
    public async Task ReadTickets_FromTheFileAndFromTheStore_ShareRepeatingValues()
    {
        var path = _folder.File("tickets.csv");
        await File.WriteAllTextAsync(path, Csv);
        var fromFile = (await Ingest.TicketsAsync(path)).Select(r => r.Entity!).ToList();
        using var store = KnowledgeStore.Open(_folder.File("k.db"));
        await new StoreImporter(store).ImportTicketsAsync(path, new ImportOptions());
        var fromStore = store.ReadTickets().ToList();

        foreach (var tickets in new[] { fromFile, fromStore })
        {
            Assert.Equal(["closed", "closed", "open"], tickets.Select(t => t.Status));
            Assert.Same(tickets[0].Status, tickets[1].Status);
            Assert.Same(tickets[0].Channel, tickets[1].Channel);
            Assert.Same(tickets[0].Agent, tickets[1].Agent);
            Assert.Same(tickets[0].CustomerId, tickets[1].CustomerId);
            Assert.Same(tickets[0].Category, tickets[2].Category);
        }
    }
}
