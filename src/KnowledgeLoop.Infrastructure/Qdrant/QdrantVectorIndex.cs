using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeLoop.Core.Vectors;
using KnowledgeLoop.Infrastructure.Ai;
using Polly;

namespace KnowledgeLoop.Infrastructure.Qdrant;

/// <summary>
/// <see cref="IVectorIndex"/> over Qdrant's REST API (one collection, unnamed cosine vectors): the collection is
/// created on open with payload indexes for the filter fields, upserts are batched with <c>wait=true</c> so a
/// search right after sees them, searches use <c>POST /points/query</c> (or <c>/points/search</c> on servers
/// before 1.10), and ids become deterministic UUIDs (<see cref="QdrantPointId"/>) with the original id kept in the
/// payload. Transient failures are retried; 401, 404, 409 and dimension errors become <see cref="QdrantException"/>s
/// that say what to do.
/// </summary>
public sealed class QdrantVectorIndex : IVectorIndex
{
    /// <summary>Payload field holding the original item id.</summary>
    public const string IdField = "item_id";

    /// <summary>Payload field of <see cref="VectorPayload.Category"/>.</summary>
    public const string CategoryField = "category";

    /// <summary>Payload field of <see cref="VectorPayload.CreatedAt"/>, in Unix milliseconds.</summary>
    public const string CreatedAtField = "created_at";

    /// <summary>Payload field of <see cref="VectorPayload.Outcome"/>.</summary>
    public const string OutcomeField = "outcome";

    private static readonly Version QueryApiVersion = new(1, 10);

    private readonly HttpClient _http;
    private readonly QdrantOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly string _collectionPath;
    private bool _legacySearch;

    private QdrantVectorIndex(HttpClient http, QdrantOptions options, string collection, int dimensions)
    {
        _http = http;
        _options = options;
        Collection = collection;
        Dimensions = dimensions;
        _collectionPath = "collections/" + Uri.EscapeDataString(collection);
        _retry = TransientRetry.ForHttp(options.MaxRetries, options.RetryDelay);
    }

    /// <summary>The collection's name.</summary>
    public string Collection { get; }

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <summary>The server's version (from <c>GET /</c>), when it reported one.</summary>
    public Version? ServerVersion { get; private set; }

    /// <summary>
    /// The number of points (an exact count request). Blocks on the network: prefer <see cref="CountAsync"/>.
    /// </summary>
    public int Count => CountAsync().GetAwaiter().GetResult();

    /// <summary>The collection name for a space and dimension count under <paramref name="options"/>' prefix.</summary>
    public static string CollectionName(QdrantOptions options, string space, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.Create(CultureInfo.InvariantCulture, $"{options.CollectionPrefix}_{space}_{dimensions}");
    }

    /// <summary>
    /// Opens <paramref name="collection"/>, creating it (size, cosine, optional on-disk vectors and scalar quantization)
    /// and its payload indexes when missing; fails when it exists with another vector size.
    /// </summary>
    public static async Task<QdrantVectorIndex> OpenAsync(HttpClient http, QdrantOptions options, string collection, int dimensions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(collection);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        options.Validate();
        var index = new QdrantVectorIndex(http, options, collection, dimensions);
        await index.DetectVersionAsync(cancellationToken);
        await index.EnsureCollectionAsync(cancellationToken);
        return index;
    }

    /// <summary>Deletes every point: drops the collection and creates it again, empty.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default)
    {
        using (var response = await SendAsync(HttpMethod.Delete, _collectionPath, null, cancellationToken))
        {
            await EnsureSuccessAsync(response, "delete the collection", cancellationToken);
        }

        await EnsureCollectionAsync(cancellationToken);
    }

    /// <summary>The number of points (exact).</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        var result = await PostAsync(_collectionPath + "/points/count", new JsonObject { ["exact"] = true }, "count points", cancellationToken);
        return result.GetProperty("count").GetInt32();
    }

    /// <inheritdoc />
    public async Task UpsertAsync(IReadOnlyCollection<VectorItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var batch in items.Chunk(_options.UpsertBatchSize))
        {
            var points = new JsonArray();
            foreach (var item in batch)
            {
                if (item.Vector.Length != Dimensions)
                {
                    throw new ArgumentException($"Item {item.Id} has {item.Vector.Length} dimensions; the collection {Collection} holds {Dimensions}.", nameof(items));
                }

                points.Add(new JsonObject
                {
                    ["id"] = QdrantPointId.From(item.Id),
                    ["vector"] = Vector(item.Vector.Span),
                    ["payload"] = Payload(item),
                });
            }

            using var response = await SendAsync(HttpMethod.Put, _collectionPath + "/points?wait=true", new JsonObject { ["points"] = points }, cancellationToken);
            await EnsureSuccessAsync(response, "upsert points", cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (var batch in ids.Chunk(1000))
        {
            var points = new JsonArray(batch.Select(id => (JsonNode?)JsonValue.Create(QdrantPointId.From(id))).ToArray());
            await PostAsync(_collectionPath + "/points/delete?wait=true", new JsonObject { ["points"] = points }, "delete points", cancellationToken);
        }
    }

    /// <summary>Deletes the points that pass <paramref name="filter"/> (delete by filter).</summary>
    public async Task DeleteWhereAsync(VectorFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var body = new JsonObject { ["filter"] = QdrantFilter.From(filter) ?? new JsonObject { ["must"] = new JsonArray() } };
        await PostAsync(_collectionPath + "/points/delete?wait=true", body, "delete points by filter", cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<VectorHit>> SearchAsync(ReadOnlyMemory<float> query, int k, VectorFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the collection {Collection} holds {Dimensions}.", nameof(query));
        }

        JsonElement points;
        if (!_legacySearch)
        {
            var body = new JsonObject { ["query"] = Vector(query.Span), ["limit"] = k, ["with_payload"] = true };
            if (QdrantFilter.From(filter) is { } queryFilter)
            {
                body["filter"] = queryFilter;
            }

            using var response = await SendAsync(HttpMethod.Post, _collectionPath + "/points/query", body, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound && !await CollectionMissingAsync(response, cancellationToken))
            {
                // A server before 1.10 has no query API: its router answers 404 without the JSON envelope.
                _legacySearch = true;
                return await SearchAsync(query, k, filter, cancellationToken);
            }

            points = (await ResultAsync(response, "query points", cancellationToken)).GetProperty("points");
        }
        else
        {
            var body = new JsonObject { ["vector"] = Vector(query.Span), ["limit"] = k, ["with_payload"] = true };
            if (QdrantFilter.From(filter) is { } searchFilter)
            {
                body["filter"] = searchFilter;
            }

            points = await PostAsync(_collectionPath + "/points/search", body, "search points", cancellationToken);
        }

        var hits = new List<VectorHit>(points.GetArrayLength());
        foreach (var point in points.EnumerateArray())
        {
            var payload = point.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var id = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(IdField, out var itemId) ? itemId.GetString()! : point.GetProperty("id").ToString();
            hits.Add(new VectorHit(id, point.GetProperty("score").GetDouble(), ReadPayload(payload)));
        }

        // The index contract breaks ties by id; Qdrant leaves them in storage order.
        return [.. hits.OrderByDescending(h => h.Score).ThenBy(h => h.Id, StringComparer.Ordinal)];
    }

    private async Task DetectVersionAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, string.Empty, null, cancellationToken);
        await EnsureSuccessAsync(response, "read the server version", cancellationToken);
        using var document = await ReadJsonAsync(response, cancellationToken);
        if (document?.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("version", out var version)
            && Version.TryParse(version.GetString()?.Split('-')[0], out var parsed))
        {
            ServerVersion = parsed;
            _legacySearch = parsed < QueryApiVersion;
        }
    }

    private async Task EnsureCollectionAsync(CancellationToken cancellationToken)
    {
        if (await ExistingSizeAsync(cancellationToken) is { } existing)
        {
            CheckSize(existing);
            return;
        }

        var vectors = new JsonObject { ["size"] = Dimensions, ["distance"] = "Cosine" };
        if (_options.OnDisk)
        {
            vectors["on_disk"] = true;
        }

        var body = new JsonObject { ["vectors"] = vectors };
        if (_options.ScalarQuantization)
        {
            body["quantization_config"] = new JsonObject
            {
                ["scalar"] = new JsonObject { ["type"] = "int8", ["quantile"] = 0.99, ["always_ram"] = true },
            };
        }

        using (var response = await SendAsync(HttpMethod.Put, _collectionPath, body, cancellationToken))
        {
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                // Another instance created it between our read and our create: use it if its size fits.
                CheckSize(await ExistingSizeAsync(cancellationToken)
                    ?? throw new QdrantException($"Qdrant said the collection {Collection} exists (409) but then could not find it.", HttpStatusCode.Conflict));
            }
            else
            {
                await EnsureSuccessAsync(response, "create the collection", cancellationToken);
            }
        }

        foreach (var (field, schema) in new[] { (IdField, "keyword"), (CategoryField, "keyword"), (OutcomeField, "keyword"), (CreatedAtField, "integer") })
        {
            using var response = await SendAsync(HttpMethod.Put, _collectionPath + "/index?wait=true", new JsonObject { ["field_name"] = field, ["field_schema"] = schema }, cancellationToken);
            await EnsureSuccessAsync(response, $"create the payload index on {field}", cancellationToken);
        }
    }

    private void CheckSize(int existing)
    {
        if (existing != Dimensions)
        {
            throw new QdrantException(
                $"Dimension mismatch: the Qdrant collection {Collection} holds {existing}-dimensional vectors but the embedder gives {Dimensions}. " +
                "Use another collection (Qdrant:CollectionPrefix) or delete this one.");
        }
    }

    private async Task<int?> ExistingSizeAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, _collectionPath, null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        var info = await ResultAsync(response, "read the collection", cancellationToken);
        var vectors = info.GetProperty("config").GetProperty("params").GetProperty("vectors");
        if (!vectors.TryGetProperty("size", out var size))
        {
            throw new QdrantException($"The Qdrant collection {Collection} uses named vectors; KnowledgeLoop needs a collection with one unnamed vector.");
        }

        return size.GetInt32();
    }

    private async Task<JsonElement> PostAsync(string path, JsonObject body, string what, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, path, body, cancellationToken);
        return await ResultAsync(response, what, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        var uri = new Uri(BaseUri(_options.Url!), path);
        var content = body?.ToJsonString();
        try
        {
            return await _retry.ExecuteAsync(
                async token =>
                {
                    using var request = new HttpRequestMessage(method, uri);
                    if (!string.IsNullOrEmpty(_options.ApiKey))
                    {
                        request.Headers.Add("api-key", _options.ApiKey);
                    }

                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                    if (content is not null)
                    {
                        request.Content = new StringContent(content, Encoding.UTF8, "application/json");
                    }

                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                    timeout.CancelAfter(_options.Timeout);
                    try
                    {
                        return await _http.SendAsync(request, timeout.Token);
                    }
                    catch (OperationCanceledException) when (!token.IsCancellationRequested)
                    {
                        throw new TimeoutException($"Qdrant did not answer {method} {uri.AbsolutePath} within {_options.Timeout.TotalSeconds:0} s.");
                    }
                },
                cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new QdrantException($"Can't reach Qdrant at {_options.Url}: {exception.Message}", exception);
        }
        catch (TimeoutException exception)
        {
            throw new QdrantException(exception.Message, exception);
        }
    }

    private async Task<JsonElement> ResultAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, what, cancellationToken);
        using var document = await ReadJsonAsync(response, cancellationToken)
            ?? throw new QdrantException($"Qdrant answered '{what}' with an empty body.");
        if (!document.RootElement.TryGetProperty("result", out var result))
        {
            throw new QdrantException($"Qdrant answered '{what}' without a result.");
        }

        return result.Clone();
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var message = ErrorMessage(text);
        var status = (int)response.StatusCode;
        throw response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new QdrantException(
                $"Qdrant refused the API key ({status}) when trying to {what}: {message}. Set Qdrant:ApiKey (KNOWLEDGELOOP__QDRANT__APIKEY) to the server's service.api_key.",
                response.StatusCode),
            HttpStatusCode.NotFound => new QdrantException($"Qdrant could not {what} (404): {message}.", response.StatusCode),
            HttpStatusCode.Conflict => new QdrantException($"Qdrant could not {what} (409, already exists): {message}.", response.StatusCode),
            HttpStatusCode.BadRequest when message.Contains("dimension", StringComparison.OrdinalIgnoreCase) => new QdrantException(
                $"Dimension mismatch in the Qdrant collection {Collection} (expects {Dimensions}): {message}. Use another collection or delete this one.",
                response.StatusCode),
            _ => new QdrantException($"Qdrant could not {what} ({status}): {message}.", response.StatusCode),
        };
    }

    private async Task<bool> CollectionMissingAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (text.Contains("doesn't exist", StringComparison.OrdinalIgnoreCase) || text.Contains("not found: collection", StringComparison.OrdinalIgnoreCase))
        {
            throw new QdrantException($"The Qdrant collection {Collection} does not exist (404): {ErrorMessage(text)}.", HttpStatusCode.NotFound);
        }

        return false;
    }

    private static string ErrorMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "no details";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("status", out var status)
                && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("error", out var error))
            {
                return error.GetString() ?? "no details";
            }
        }
        catch (JsonException)
        {
            // 401 and router errors are plain text: show them as they are.
        }

        return body.Trim();
    }

    private static async Task<JsonDocument?> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException exception)
        {
            throw new QdrantException($"Qdrant answered with something that is not JSON: {Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 200))}", exception);
        }
    }

    private static Uri BaseUri(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    private static JsonArray Vector(ReadOnlySpan<float> vector)
    {
        var array = new JsonArray();
        foreach (var value in vector)
        {
            array.Add(value);
        }

        return array;
    }

    private static JsonObject Payload(VectorItem item)
    {
        var payload = new JsonObject { [IdField] = item.Id };
        if (item.Payload.Category is { } category)
        {
            payload[CategoryField] = category;
        }

        if (item.Payload.CreatedAt is { } created)
        {
            payload[CreatedAtField] = created.ToUnixTimeMilliseconds();
        }

        if (item.Payload.Outcome is { } outcome)
        {
            payload[OutcomeField] = outcome;
        }

        return payload;
    }

    private static VectorPayload ReadPayload(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return new VectorPayload();
        }

        return new VectorPayload(
            payload.TryGetProperty(CategoryField, out var category) && category.ValueKind == JsonValueKind.String ? category.GetString() : null,
            payload.TryGetProperty(CreatedAtField, out var created) && created.ValueKind == JsonValueKind.Number ? DateTimeOffset.FromUnixTimeMilliseconds(created.GetInt64()) : null,
            payload.TryGetProperty(OutcomeField, out var outcome) && outcome.ValueKind == JsonValueKind.String ? outcome.GetString() : null);
    }
}
