using System.ClientModel;
using System.ClientModel.Primitives;
using System.Security.Cryptography;
using System.Text;
using KnowledgeLoop.Core.Analysis;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Embeddings;
using Polly;
using MeaiEmbeddingOptions = Microsoft.Extensions.AI.EmbeddingGenerationOptions;
using OpenAiEmbeddingOptions = OpenAI.Embeddings.EmbeddingGenerationOptions;

namespace KnowledgeLoop.Infrastructure.Ai;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over any OpenAI-compatible <c>/v1/embeddings</c> endpoint
/// through the OpenAI package's <see cref="EmbeddingClient"/>. Each text is redacted (when a redactor is given),
/// prefixed for its purpose (<see cref="EmbeddingPurpose"/>), looked up in the cache by model and SHA-256 of what
/// would be sent, and the misses are sent in batches, retried with backoff on 429/5xx (Polly; the package's own
/// retries are off so there is one policy). Every returned vector must have the configured length, or all the same
/// length when none is configured; vectors are L2-normalized so dot products are cosines.
/// </summary>
public sealed class OpenAiEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name in the generator's metadata.</summary>
    public const string ProviderName = "openai";

    private readonly EmbeddingClient _client;
    private readonly OpenAiOptions _options;
    private readonly TextRedactor? _redactor;
    private readonly IEmbeddingCache? _cache;
    private readonly ResiliencePipeline _retry;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly string _cacheModel;
    private int? _dimensions;

    /// <summary>A generator for <paramref name="options"/>' endpoint and embedding model.</summary>
    public OpenAiEmbeddingGenerator(OpenAiOptions options, TextRedactor? redactor = null, IEmbeddingCache? cache = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(embeddings: true, chat: false);
        _options = options;
        _redactor = redactor;
        _cache = cache;
        _dimensions = options.EmbeddingDimensions;
        _client = new EmbeddingClient(options.EmbeddingModel!, new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey), ClientOptions(options));
        _retry = TransientRetry.ForClient(options.MaxRetries, options.RetryDelay, time);
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, options.Endpoint, options.EmbeddingModel, options.EmbeddingDimensions);
        _cacheModel = options.EmbeddingDimensions is { } d ? $"{options.EmbeddingModel}@{d}" : options.EmbeddingModel!;
    }

    /// <summary>Texts answered from the cache so far.</summary>
    public int CacheHits { get; private set; }

    /// <summary>Embeddings requests sent so far (one per batch, retries not counted).</summary>
    public int Requests { get; private set; }

    /// <summary>The OpenAI package's options for an endpoint: no retries of its own, the configured timeout.</summary>
    internal static OpenAIClientOptions ClientOptions(OpenAiOptions options) => new()
    {
        Endpoint = options.Endpoint,
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        NetworkTimeout = options.Timeout,
        UserAgentApplicationId = "knowledgeloop",
    };

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, MeaiEmbeddingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var prefix = EmbeddingPurpose.IsQuery(options) ? _options.QueryPrefix : _options.DocumentPrefix;
        var sent = values.Select(text => (prefix ?? string.Empty) + (_redactor?.Redact(text) ?? text)).ToList();
        var hashes = sent.Select(Hash).ToList();
        var vectors = new float[sent.Count][];

        var cached = _cache?.Lookup(_cacheModel, hashes.Distinct(StringComparer.Ordinal).ToList()) ?? new Dictionary<string, float[]>();
        var missing = new List<int>();
        for (var i = 0; i < sent.Count; i++)
        {
            if (cached.TryGetValue(hashes[i], out var vector) && (_dimensions is null || vector.Length == _dimensions))
            {
                vectors[i] = vector;
                CacheHits++;
            }
            else
            {
                missing.Add(i);
            }
        }

        // Each distinct text is sent once, however often it occurs.
        var distinct = missing.GroupBy(i => hashes[i], StringComparer.Ordinal).ToList();
        foreach (var batch in distinct.Chunk(_options.BatchSize))
        {
            var answered = await EmbedAsync(batch.Select(g => sent[g.First()]).ToList(), cancellationToken);
            var fresh = new List<KeyValuePair<string, float[]>>(batch.Length);
            for (var b = 0; b < batch.Length; b++)
            {
                fresh.Add(KeyValuePair.Create(batch[b].Key, answered[b]));
                foreach (var i in batch[b])
                {
                    vectors[i] = answered[b];
                }
            }

            _cache?.Store(_cacheModel, fresh);
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        foreach (var vector in vectors)
        {
            result.Add(new Embedding<float>(vector) { ModelId = _options.EmbeddingModel });
        }

        return result;
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

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The OpenAI client holds no unmanaged resources of its own.
    }

    private async Task<float[][]> EmbedAsync(List<string> texts, CancellationToken cancellationToken)
    {
        Requests++;
        var request = new OpenAiEmbeddingOptions { Dimensions = _options.EmbeddingDimensions };
        OpenAIEmbeddingCollection collection;
        try
        {
            collection = await _retry.ExecuteAsync(
                async token => (await _client.GenerateEmbeddingsAsync(texts, request, token)).Value,
                cancellationToken);
        }
        catch (ClientResultException exception)
        {
            throw new EmbeddingException(
                $"The embeddings endpoint {_options.Endpoint} refused model {_options.EmbeddingModel} ({exception.Status}): {exception.Message}", exception);
        }

        if (collection.Count != texts.Count)
        {
            throw new EmbeddingException($"The embeddings endpoint returned {collection.Count} embeddings for {texts.Count} texts.");
        }

        var vectors = new float[texts.Count][];
        foreach (var embedding in collection)
        {
            if (embedding.Index < 0 || embedding.Index >= texts.Count || vectors[embedding.Index] is not null)
            {
                throw new EmbeddingException($"The embeddings endpoint returned index {embedding.Index} for a batch of {texts.Count}.");
            }

            var vector = embedding.ToFloats().ToArray();
            _dimensions ??= vector.Length;
            if (vector.Length != _dimensions)
            {
                throw new EmbeddingException(_options.EmbeddingDimensions is { } configured
                    ? $"Model {_options.EmbeddingModel} returned {vector.Length}-dimensional vectors but OpenAi:EmbeddingDimensions is {configured} (a server may ignore 'dimensions': Ollama before 0.11.11 does)."
                    : $"Model {_options.EmbeddingModel} returned vectors of {vector.Length} and {_dimensions} dimensions in one run.");
            }

            Normalize(vector);
            vectors[embedding.Index] = vector;
        }

        return vectors;
    }

    private static void Normalize(float[] vector)
    {
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
