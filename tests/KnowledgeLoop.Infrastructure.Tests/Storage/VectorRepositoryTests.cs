using KnowledgeLoop.Core.Embeddings;
using KnowledgeLoop.Core.Vectors;
using KnowledgeLoop.Infrastructure.Storage;

namespace KnowledgeLoop.Infrastructure.Tests.Storage;

public class VectorRepositoryTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 8, 30, 0, TimeSpan.Zero);

    [Fact]
    public void UpsertVectors_LoadIndex_RoundTripsVectorsAndPayloads()
    {
        using var folder = new TempFolder();
        using var store = KnowledgeStore.Open(folder.File("kl.db"));
        var repository = new VectorRepository(store);
        VectorPoint[] points =
        [
            new("t1", new float[] { 0.6f, 0.8f, 0 }, new VectorPayload { Category = "billing", CreatedAt = Created, Outcome = "reopened" }),
            new("t2", new float[] { 0, 0, 1 }, VectorPayload.Empty),
        ];

        Assert.Equal(2, repository.UpsertVectors("tickets", points));
        Assert.Equal(1, repository.UpsertVectors("other", [points[0]]));
        using var index = repository.LoadIndex("tickets");

        Assert.NotNull(index);
        Assert.Equal(2, index.Count);
        var hit = index.Search([0.6f, 0.8f, 0f], 1)[0];
        Assert.Equal("t1", hit.Id);
        Assert.Equal(new VectorPayload { Category = "billing", CreatedAt = Created, Outcome = "reopened" }, hit.Payload);
        Assert.True(index.TryGet("t1", out var vector, out _));
        Assert.Equal([0.6f, 0.8f, 0f], vector);
    }

    [Fact]
    public void UpsertVectors_SameId_Replaces()
    {
        using var folder = new TempFolder();
        using var store = KnowledgeStore.Open(folder.File("kl.db"));
        var repository = new VectorRepository(store);
        repository.UpsertVectors("s", [new VectorPoint("a", new float[] { 1, 0 }, VectorPayload.Empty)]);
        repository.UpsertVectors("s", [new VectorPoint("a", new float[] { 0, 1 }, new VectorPayload { Category = "x" })]);

        using var index = repository.LoadIndex("s")!;

        Assert.Equal(1, index.Count);
        Assert.Equal("x", index.Search([0f, 1f], 1)[0].Payload.Category);
    }

    [Fact]
    public void DeleteSpace_RemovesOnlyThatSpace()
    {
        using var folder = new TempFolder();
        using var store = KnowledgeStore.Open(folder.File("kl.db"));
        var repository = new VectorRepository(store);
        repository.UpsertVectors("a", [new VectorPoint("1", new float[] { 1 }, VectorPayload.Empty)]);
        repository.UpsertVectors("b", [new VectorPoint("1", new float[] { 1 }, VectorPayload.Empty)]);

        Assert.Equal(1, repository.DeleteSpace("a"));
        Assert.Null(repository.LoadIndex("a"));
        Assert.NotNull(repository.LoadIndex("b"));
    }

    [Fact]
    public void SaveModel_LsaModel_LoadsBackAndEmbedsIdentically()
    {
        using var folder = new TempFolder();
        var clock = new FixedTime(Created);
        string[] documents = ["refund invoice charge", "refund invoice late", "password reset login", "password reset code"];
        var model = LsaModel.Fit(documents, new LsaOptions { Dimensions = 2 });
        using (var store = KnowledgeStore.Open(folder.File("kl.db")))
        {
            using var buffer = new MemoryStream();
            model.Save(buffer);
            buffer.Position = 0;
            new VectorRepository(store, clock).SaveModel("tickets", "lsa", buffer);
        }

        using var reopened = KnowledgeStore.Open(folder.File("kl.db"));
        var stored = new VectorRepository(reopened).LoadModel("tickets");

        Assert.NotNull(stored);
        Assert.Equal("lsa", stored.Kind);
        Assert.Equal(Created, stored.CreatedAt);
        var loaded = LsaModel.Load(new MemoryStream(stored.Data));
        Assert.Equal(model.Transform(["refund late"]).Data, loaded.Transform(["refund late"]).Data);
        Assert.Null(new VectorRepository(reopened).LoadModel("missing"));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
