namespace KnowledgeLoop.Infrastructure.Qdrant;

/// <summary>How to reach Qdrant over its REST API (used when <c>Ai:VectorStore</c> is <c>qdrant</c>).</summary>
public sealed class QdrantOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Qdrant";

    /// <summary>The REST base address, e.g. <c>http://localhost:6333</c>. No default: required for the qdrant store.</summary>
    public Uri? Url { get; set; }

    /// <summary>Sent as the <c>api-key</c> header when set (the server's <c>service.api_key</c>). Defaults to none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Collections are named <c>{prefix}_{space}_{dimensions}</c>. Defaults to "knowledgeloop".</summary>
    public string CollectionPrefix { get; set; } = "knowledgeloop";

    /// <summary>Serve vectors from disk (mmap) instead of RAM. Defaults to false.</summary>
    public bool OnDisk { get; set; }

    /// <summary>int8 scalar quantization (quantile 0.99, kept in RAM): 4× less memory, rescored. Defaults to false.</summary>
    public bool ScalarQuantization { get; set; }

    /// <summary>Points per upsert request (Qdrant's default body limit is 32 MB). Defaults to 256.</summary>
    public int UpsertBatchSize { get; set; } = 256;

    /// <summary>Retries of a request that failed transiently (429, 5xx, network). Defaults to 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially with jitter. Defaults to 200 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Timeout of one request. Defaults to 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the setting.</summary>
    public void Validate()
    {
        if (Url is null || !Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{SectionName}:Url must be an absolute http(s) address such as http://localhost:6333.", nameof(Url));
        }

        if (string.IsNullOrWhiteSpace(CollectionPrefix) || !CollectionPrefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new ArgumentException($"{SectionName}:CollectionPrefix must be letters, digits, '_' or '-'.", nameof(CollectionPrefix));
        }

        if (UpsertBatchSize is < 1 or > 10_000)
        {
            throw new ArgumentException($"{SectionName}:UpsertBatchSize must be between 1 and 10000.", nameof(UpsertBatchSize));
        }

        if (MaxRetries is < 0 or > 10 || RetryDelay < TimeSpan.Zero || Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{SectionName}: MaxRetries must be 0..10, RetryDelay not negative and Timeout positive.");
        }
    }
}
