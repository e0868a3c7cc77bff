using KnowledgeLoop.Core.Vectors;
using Microsoft.Extensions.AI;

namespace KnowledgeLoop.Core.Embeddings;

/// <summary>
/// The local, offline embedding generator: embeds text into a fitted <see cref="LsaModel"/>'s space. Output i is
/// input i; vectors have unit length (zero when a text has no term of the vocabulary). A smaller
/// <see cref="EmbeddingGenerationOptions.Dimensions"/> keeps the leading (highest-variance) dimensions, renormalized.
/// </summary>
public sealed class LsaEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name in the generator's metadata.</summary>
    public const string ProviderName = "knowledgeloop-lsa";

    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>An embedder for <paramref name="model"/>.</summary>
    public LsaEmbedder(LsaModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, providerUri: null, model.ModelId, model.Dimensions);
    }

    /// <summary>The model whose space the embeddings are in.</summary>
    public LsaModel Model { get; }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        cancellationToken.ThrowIfCancellationRequested();
        var texts = values as IReadOnlyList<string> ?? [.. values];
        var dimensions = options?.Dimensions ?? Model.Dimensions;
        if (dimensions < 1 || dimensions > Model.Dimensions)
        {
            throw new ArgumentOutOfRangeException(nameof(options), dimensions, $"The model {Model.ModelId} gives 1 to {Model.Dimensions} dimensions.");
        }

        var vectors = texts.Count == 0 ? null : Model.Transform(texts, cancellationToken);
        if (vectors is not null && dimensions < Model.Dimensions)
        {
            vectors = Truncate(vectors, dimensions);
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            result.Add(new Embedding<float>(vectors!.RowMemory(i)) { ModelId = Model.ModelId });
        }

        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return _metadata;
        }

        if (serviceType == typeof(LsaModel))
        {
            return Model;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing to release: the model is plain managed memory.
    }

    private static VectorMatrix Truncate(VectorMatrix vectors, int dimensions)
    {
        var truncated = new VectorMatrix(vectors.Rows, dimensions);
        for (var i = 0; i < vectors.Rows; i++)
        {
            vectors.Row(i)[..dimensions].CopyTo(truncated.Row(i));
        }

        truncated.NormalizeRows();
        return truncated;
    }
}
