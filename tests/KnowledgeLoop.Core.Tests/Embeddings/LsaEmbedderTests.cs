using KnowledgeLoop.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace KnowledgeLoop.Core.Tests.Embeddings;

public class LsaEmbedderTests
{
    private static readonly LsaModel Model = LsaModel.Fit(LsaModelTests.TwoTopics(30), new LsaOptions { Dimensions = 6 });

    [Fact]
    public async Task GenerateAsync_Values_OneEmbeddingEachInOrder()
    {
        using var generator = new LsaEmbedder(Model);
        Assert.IsAssignableFrom<IEmbeddingGenerator<string, Embedding<float>>>(generator);
        string[] texts = ["refund for my invoice", "password reset", "refund for my invoice"];

        var embeddings = await generator.GenerateAsync(texts);

        Assert.Equal(3, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(Model.Dimensions, e.Dimensions));
        Assert.All(embeddings, e => Assert.Equal("lsa-6", e.ModelId));
        Assert.Equal(embeddings[0].Vector.ToArray(), embeddings[2].Vector.ToArray());
        Assert.NotEqual(embeddings[0].Vector.ToArray(), embeddings[1].Vector.ToArray());
    }

    [Fact]
    public async Task GenerateAsync_SmallerDimensions_TruncatesAndRenormalizes()
    {
        using var generator = new LsaEmbedder(Model);

        var embedding = await generator.GenerateAsync("refund for my invoice", new EmbeddingGenerationOptions { Dimensions = 3 });

        Assert.Equal(3, embedding.Dimensions);
        Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(embedding.Vector.Span), 1e-5f);
    }

    [Fact]
    public async Task GenerateAsync_Empty_GivesNoEmbeddings()
    {
        using var generator = new LsaEmbedder(Model);

        Assert.Empty(await generator.GenerateAsync(Array.Empty<string>()));
    }

    [Fact]
    public async Task GenerateAsync_NullValues_Throws()
    {
        using var generator = new LsaEmbedder(Model);

        await Assert.ThrowsAsync<ArgumentNullException>(() => generator.GenerateAsync(null!));
    }

    [Fact]
    public void GetService_Metadata_NamesProviderModelAndDimensions()
    {
        using var generator = new LsaEmbedder(Model);

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal("knowledgeloop-lsa", metadata.ProviderName);
        Assert.Equal("lsa-6", metadata.DefaultModelId);
        Assert.Equal(6, metadata.DefaultModelDimensions);
        Assert.Same(generator, generator.GetService<LsaEmbedder>());
        Assert.Same(Model, generator.GetService<LsaModel>());
        Assert.Null(generator.GetService(typeof(string)));
        Assert.Null(generator.GetService(typeof(LsaEmbedder), "key"));
    }
}
