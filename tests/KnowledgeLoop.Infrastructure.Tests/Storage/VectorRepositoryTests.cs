using KnowledgeLoop.Core.Vectors;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Infrastructure.Tests.Storage;

public sealed class VectorRepositoryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private static float[] V(params float[] values) => values;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Vectors_RoundTripAsFloat32Blobs_AndASpaceIsReplacedWhole()
    {
        var day = new DateTimeOffset(2026, 5, 1, 8, 30, 0, TimeSpan.Zero);
        using (var store = KnowledgeStore.Open(_folder.File("k.db")))
        {
            var repository = new VectorRepository(store);
            repository.ReplaceSpace("tickets", [new VectorItem("old", V(1, 0, 0), new VectorPayload())]);
            repository.ReplaceSpace("tickets",
            [
                new VectorItem("T-1", V(0.6f, 0.8f, 0), new VectorPayload("billing", day, "failure")),
                new VectorItem("T-2", V(0, 0, 1), new VectorPayload()),
            ]);
            repository.ReplaceSpace("chunks", [new VectorItem("KB-1#0", V(1, 0, 0), new VectorPayload())]);
            repository.SaveModel("lsa", "lsa-3", new byte[] { 1, 2, 3 });
            repository.SaveModel("lsa", "lsa-3", new byte[] { 4, 5 });
        }

        using var reopened = KnowledgeStore.Open(_folder.File("k.db"));
        var again = new VectorRepository(reopened);
        using var index = again.LoadIndex("tickets")!;
        Assert.Equal(2, index.Count);
        var hit = index.Search([0.6f, 0.8f, 0], 1)[0];
        Assert.Equal("T-1", hit.Id);
        Assert.Equal(1.0, hit.Score, 6);
        Assert.Equal(new VectorPayload("billing", day, "failure"), hit.Payload);
        Assert.Null(again.LoadIndex("nothing"));
        Assert.Equal(new byte[] { 4, 5 }, again.LoadModel("lsa"));
        Assert.Null(again.LoadModel("other"));
        Assert.Equal(1, again.LoadIndex("chunks")!.Count);
    }
}
