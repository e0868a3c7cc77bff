using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Infrastructure.Tests.Storage;

public sealed class ArticlePublicationRepositoryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AddThenList_AcrossReopen_KeepsEveryPublicationOldestFirst()
    {
        var path = _folder.File("k.db");
        var late = new ArticlePublication("KB-1", new DateTimeOffset(2026, 8, 25, 9, 0, 0, TimeSpan.Zero), "gap-0123456789");
        var early = new ArticlePublication("KB-1", new DateTimeOffset(2026, 7, 1, 12, 30, 0, TimeSpan.Zero));
        using (var store = KnowledgeStore.Open(path))
        {
            var repository = new ArticlePublicationRepository(store);
            Assert.Empty(repository.List());
            repository.Add(late, DateTimeOffset.UtcNow);
            repository.Add(early, DateTimeOffset.UtcNow);
        }

        using var reopened = KnowledgeStore.Open(path);

        Assert.Equal([early, late], new ArticlePublicationRepository(reopened).List());
    }
}
