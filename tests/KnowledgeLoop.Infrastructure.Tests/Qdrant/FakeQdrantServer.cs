using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeLoop.Infrastructure.Tests.Http;
using Microsoft.AspNetCore.Http;

namespace KnowledgeLoop.Infrastructure.Tests.Qdrant;

/// <summary>
/// Plays a Qdrant server over REST (protocols.md §1): collections, payload indexes, upsert, query (≥1.10) or legacy
/// search, delete, count; the <c>api-key</c> header; the JSON envelope and its error shapes (401 plain text, 404,
/// 409, 400 dimension errors). Points live in memory and queries are answered by exact cosine with the filters sent.
/// Anything a request does outside the documented API is recorded as a violation.
/// </summary>
internal sealed class FakeQdrantServer : IAsyncDisposable
{
    private static readonly HashSet<string> Distances = ["Cosine", "Euclid", "Dot", "Manhattan"];
    private static readonly HashSet<string> Schemas = ["keyword", "integer", "float", "geo", "text", "bool", "datetime", "uuid"];
    private readonly ConcurrentDictionary<string, Collection> _collections = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string PathSuffix, int Status, string Body, string ContentType)> _faults = new();
    private TestHttpServer _server = null!;

    private FakeQdrantServer(string? apiKey, string version, bool reportsVersion)
    {
        ApiKey = apiKey;
        Version = version;
        ReportsVersion = reportsVersion;
    }

    /// <summary>Whether <c>GET /</c> tells the version (a proxy in front may hide it).</summary>
    public bool ReportsVersion { get; }

    public string? ApiKey { get; }

    public string Version { get; }

    public Uri Address => _server.Address;

    public IReadOnlyCollection<RecordedRequest> Requests => _server.Requests;

    public IReadOnlyCollection<string> Violations => _server.Violations;

    public int PointCount(string collection) => _collections.TryGetValue(collection, out var c) ? c.Points.Count : 0;

    public bool HasCollection(string collection) => _collections.ContainsKey(collection);

    public Collection? Get(string collection) => _collections.GetValueOrDefault(collection);

    public static async Task<FakeQdrantServer> StartAsync(string? apiKey = null, string version = "1.15.4", bool reportsVersion = true)
    {
        var fake = new FakeQdrantServer(apiKey, version, reportsVersion);
        fake._server = await TestHttpServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    /// <summary>The next request whose path ends with <paramref name="pathSuffix"/> gets this answer instead.</summary>
    public void FailNext(string pathSuffix, int status, string body, string contentType = "application/json") =>
        _faults.Enqueue((pathSuffix, status, body, contentType));

    /// <summary>Creates a collection directly (as another client would have).</summary>
    public void Seed(string name, int size) => _collections[name] = new Collection(size, OnDisk: false, Quantization: null);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string Ok(JsonNode? result) => new JsonObject { ["result"] = result, ["status"] = "ok", ["time"] = 0.0001 }.ToJsonString();

    private static string Error(string message) => new JsonObject { ["status"] = new JsonObject { ["error"] = message }, ["time"] = 0.0001 }.ToJsonString();

    private static JsonObject Completed() => new() { ["operation_id"] = 1, ["status"] = "completed" };

    private async Task HandleAsync(RecordedRequest request, HttpResponse response, TestHttpServer server)
    {
        if (_faults.TryPeek(out var fault) && request.Path.EndsWith(fault.PathSuffix, StringComparison.Ordinal) && _faults.TryDequeue(out fault))
        {
            await TestHttpServer.WriteAsync(response, fault.Status, fault.Body, fault.ContentType);
            return;
        }

        var whitelisted = request.Path is "/healthz" or "/livez" or "/readyz";
        if (ApiKey is not null && !whitelisted && request.Headers.GetValueOrDefault("api-key") != ApiKey)
        {
            await TestHttpServer.WriteAsync(response, 401, "Must provide an API key or an Authorization bearer token", "text/plain");
            return;
        }

        if (ApiKey is null && request.Headers.ContainsKey("api-key"))
        {
            server.Violation(request, "api-key header sent although none is configured");
        }

        JsonObject? body = null;
        if (request.Method is "PUT" or "POST")
        {
            if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.Ordinal))
            {
                server.Violation(request, $"content type {request.ContentType ?? "(none)"}, not application/json");
            }

            try
            {
                body = JsonNode.Parse(request.Body) as JsonObject;
            }
            catch (JsonException exception)
            {
                await TestHttpServer.WriteAsync(response, 400, Error("Json deserialize error: " + exception.Message));
                return;
            }

            if (body is null)
            {
                server.Violation(request, "body is not a JSON object");
                await TestHttpServer.WriteAsync(response, 400, Error("Json deserialize error: expected an object"));
                return;
            }
        }
        else if (request.Body.Length > 0)
        {
            server.Violation(request, "a body on a " + request.Method);
        }

        var segments = request.Path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var (status, json) = (request.Method, segments) switch
        {
            ("GET", []) => (200, ReportsVersion
                ? new JsonObject { ["title"] = "qdrant - vector search engine", ["version"] = Version, ["commit"] = "0000000" }.ToJsonString()
                : new JsonObject { ["title"] = "qdrant - vector search engine" }.ToJsonString()),
            ("GET", ["readyz"]) => (200, "all shards are ready"),
            ("GET", ["collections", var name]) => GetCollection(name),
            ("PUT", ["collections", var name]) => CreateCollection(request, server, name, body!),
            ("DELETE", ["collections", var name]) => (200, Ok(_collections.TryRemove(name, out _))),
            ("PUT", ["collections", var name, "index"]) => CreateIndex(request, server, name, body!),
            ("PUT", ["collections", var name, "points"]) => Upsert(request, server, name, body!),
            ("POST", ["collections", var name, "points", "query"]) when ParseVersion() >= new Version(1, 10) => Query(request, server, name, body!, legacy: false),
            ("POST", ["collections", var name, "points", "search"]) => Query(request, server, name, body!, legacy: true),
            ("POST", ["collections", var name, "points", "delete"]) => Delete(request, server, name, body!),
            ("POST", ["collections", var name, "points", "count"]) => Count(request, server, name, body!),
            _ => (404, string.Empty),
        };
        await TestHttpServer.WriteAsync(response, status, json, json.StartsWith('{') ? "application/json" : "text/plain");
    }

    private Version ParseVersion() => System.Version.Parse(Version);

    private static (int, string) Missing(string name) => (404, Error($"Not found: Collection `{name}` doesn't exist!"));

    private (int, string) GetCollection(string name)
    {
        if (!_collections.TryGetValue(name, out var c))
        {
            return Missing(name);
        }

        var vectors = new JsonObject { ["size"] = c.Size, ["distance"] = "Cosine" };
        if (c.OnDisk)
        {
            vectors["on_disk"] = true;
        }

        return (200, Ok(new JsonObject
        {
            ["status"] = "green",
            ["optimizer_status"] = "ok",
            ["points_count"] = c.Points.Count,
            ["indexed_vectors_count"] = 0,
            ["segments_count"] = 1,
            ["config"] = new JsonObject
            {
                ["params"] = new JsonObject { ["vectors"] = vectors, ["shard_number"] = 1, ["replication_factor"] = 1, ["on_disk_payload"] = true },
                ["quantization_config"] = c.Quantization?.DeepClone(),
            },
            ["payload_schema"] = new JsonObject(c.Indexes.Select(i => KeyValuePair.Create(i.Key, (JsonNode?)new JsonObject { ["data_type"] = i.Value, ["points"] = c.Points.Count }))),
        }));
    }

    private (int, string) CreateCollection(RecordedRequest request, TestHttpServer server, string name, JsonObject body)
    {
        Allowed(request, server, body, "vectors", "hnsw_config", "optimizers_config", "on_disk_payload", "quantization_config", "shard_number", "replication_factor", "wal_config", "sparse_vectors");
        if (body["vectors"] is not JsonObject vectors || vectors["size"] is not JsonValue sizeValue || !sizeValue.TryGetValue<int>(out var size) || size < 1)
        {
            server.Violation(request, "vectors.size missing or not a positive integer");
            return (400, Error("Wrong input: vectors.size is required"));
        }

        Allowed(request, server, vectors, "size", "distance", "on_disk", "hnsw_config", "quantization_config", "datatype");
        if (vectors["distance"]?.GetValue<string>() is not { } distance || !Distances.Contains(distance))
        {
            server.Violation(request, "vectors.distance missing or not one of Cosine, Euclid, Dot, Manhattan");
            return (400, Error("Wrong input: unknown distance"));
        }

        if (body["quantization_config"] is JsonObject quantization
            && (quantization["scalar"] is not JsonObject scalar || scalar["type"]?.GetValue<string>() != "int8"))
        {
            server.Violation(request, "quantization_config is not a scalar int8 config");
        }

        if (_collections.ContainsKey(name))
        {
            return (409, Error($"Wrong input: Collection `{name}` already exists!"));
        }

        _collections[name] = new Collection(size, vectors["on_disk"]?.GetValue<bool>() ?? false, body["quantization_config"]?.DeepClone() as JsonObject);
        return (200, Ok(true));
    }

    private (int, string) CreateIndex(RecordedRequest request, TestHttpServer server, string name, JsonObject body)
    {
        Allowed(request, server, body, "field_name", "field_schema");
        WaitTrue(request, server);
        if (!_collections.TryGetValue(name, out var c))
        {
            return Missing(name);
        }

        var field = body["field_name"]?.GetValue<string>();
        var schema = body["field_schema"] is JsonValue v ? v.GetValue<string>() : body["field_schema"]?["type"]?.GetValue<string>();
        if (string.IsNullOrEmpty(field) || schema is null || !Schemas.Contains(schema))
        {
            server.Violation(request, "field_name or field_schema invalid");
            return (400, Error("Wrong input: bad index"));
        }

        c.Indexes[field] = schema;
        return (200, Ok(Completed()));
    }

    private (int, string) Upsert(RecordedRequest request, TestHttpServer server, string name, JsonObject body)
    {
        Allowed(request, server, body, "points");
        WaitTrue(request, server);
        if (!_collections.TryGetValue(name, out var c))
        {
            return Missing(name);
        }

        if (body["points"] is not JsonArray points)
        {
            server.Violation(request, "points is not an array");
            return (400, Error("Wrong input: points"));
        }

        var staged = new List<(string, float[], JsonObject)>();
        foreach (var point in points.OfType<JsonObject>())
        {
            Allowed(request, server, point, "id", "vector", "payload");
            var id = PointId(request, server, point["id"]);
            if (id is null)
            {
                return (400, Error("Wrong input: Unable to parse point id"));
            }

            var vector = point["vector"] as JsonArray;
            if (vector is null)
            {
                server.Violation(request, "point without a vector array");
                return (400, Error("Wrong input: vector"));
            }

            if (vector.Count != c.Size)
            {
                return (400, Error($"Wrong input: Vector dimension error: expected dim: {c.Size}, got {vector.Count}"));
            }

            staged.Add((id, vector.Select(x => x!.GetValue<float>()).ToArray(), point["payload"] as JsonObject ?? []));
        }

        foreach (var (id, vector, payload) in staged)
        {
            c.Points[id] = (vector, (JsonObject)payload.DeepClone());
        }

        return (200, Ok(Completed()));
    }

    private (int, string) Query(RecordedRequest request, TestHttpServer server, string name, JsonObject body, bool legacy)
    {
        if (legacy)
        {
            Allowed(request, server, body, "vector", "limit", "filter", "with_payload", "with_vector", "score_threshold", "offset", "params");
        }
        else
        {
            Allowed(request, server, body, "query", "limit", "filter", "with_payload", "with_vector", "score_threshold", "offset", "params", "using", "prefetch");
        }

        if (!_collections.TryGetValue(name, out var c))
        {
            return Missing(name);
        }

        var vector = body[legacy ? "vector" : "query"] as JsonArray;
        if (vector is null || (legacy && body["limit"] is null))
        {
            server.Violation(request, legacy ? "search needs vector and limit" : "query is not a dense vector");
            return (400, Error("Wrong input: query"));
        }

        if (vector.Count != c.Size)
        {
            return (400, Error($"Wrong input: Vector dimension error: expected dim: {c.Size}, got {vector.Count}"));
        }

        var query = vector.Select(x => x!.GetValue<double>()).ToArray();
        var limit = body["limit"]?.GetValue<int>() ?? 10;
        var withPayload = body["with_payload"]?.GetValue<bool>() ?? false;
        var filter = body["filter"] as JsonObject;
        var hits = c.Points
            .Where(p => filter is null || Matches(filter, p.Value.Payload))
            .Select(p => (Id: p.Key, Score: Cosine(query, p.Value.Vector), p.Value.Payload))
            .OrderByDescending(h => h.Score).ThenBy(h => h.Id, StringComparer.Ordinal)
            .Take(limit)
            .Select(h => (JsonNode?)new JsonObject
            {
                ["id"] = h.Id,
                ["version"] = 1,
                ["score"] = (float)h.Score,
                ["payload"] = withPayload ? h.Payload.DeepClone() : null,
                ["vector"] = null,
            })
            .ToArray();
        return (200, Ok(legacy ? new JsonArray(hits) : new JsonObject { ["points"] = new JsonArray(hits) }));
    }

    private (int, string) Delete(RecordedRequest request, TestHttpServer server, string name, JsonObject body)
    {
        WaitTrue(request, server);
        if (!_collections.TryGetValue(name, out var c))
        {
            return Missing(name);
        }

        if (body["points"] is JsonArray ids)
        {
            Allowed(request, server, body, "points");
            foreach (var id in ids)
            {
                if (PointId(request, server, id) is { } key)
                {
                    c.Points.TryRemove(key, out _);
                }
            }
        }
        else if (body["filter"] is JsonObject filter)
        {
            Allowed(request, server, body, "filter");
            foreach (var point in c.Points.Where(p => Matches(filter, p.Value.Payload)).ToList())
            {
                c.Points.TryRemove(point.Key, out _);
            }
        }
        else
        {
            server.Violation(request, "delete needs points or filter");
            return (400, Error("Wrong input: selector"));
        }

        return (200, Ok(Completed()));
    }

    private (int, string) Count(RecordedRequest request, TestHttpServer server, string name, JsonObject body)
    {
        Allowed(request, server, body, "filter", "exact");
        if (!_collections.TryGetValue(name, out var c))
        {
            return Missing(name);
        }

        var filter = body["filter"] as JsonObject;
        return (200, Ok(new JsonObject { ["count"] = c.Points.Count(p => filter is null || Matches(filter, p.Value.Payload)) }));
    }

    private static string? PointId(RecordedRequest request, TestHttpServer server, JsonNode? id)
    {
        if (id is JsonValue value && value.TryGetValue<string>(out var text))
        {
            if (!Guid.TryParseExact(text, "D", out var guid))
            {
                server.Violation(request, $"point id '{text}' is neither an unsigned integer nor a hyphenated UUID");
                return null;
            }

            return guid.ToString("D");
        }

        if (id is JsonValue number && number.TryGetValue<ulong>(out var n))
        {
            return n.ToString(CultureInfo.InvariantCulture);
        }

        server.Violation(request, "point id missing");
        return null;
    }

    private static void WaitTrue(RecordedRequest request, TestHttpServer server)
    {
        if (!request.Query.Contains("wait=true", StringComparison.Ordinal))
        {
            server.Violation(request, "write without wait=true: a search right after may not see it");
        }
    }

    private static void Allowed(RecordedRequest request, TestHttpServer server, JsonObject body, params string[] fields)
    {
        foreach (var key in body.Select(p => p.Key).Where(k => !fields.Contains(k)))
        {
            server.Violation(request, $"field '{key}' is not in the documented request body");
        }
    }

    private static bool Matches(JsonObject filter, JsonObject payload)
    {
        var must = Conditions(filter["must"]).All(c => Condition(c, payload));
        var should = filter["should"] is null || Conditions(filter["should"]).Any(c => Condition(c, payload));
        var mustNot = !Conditions(filter["must_not"]).Any(c => Condition(c, payload));
        return must && should && mustNot;
    }

    private static IEnumerable<JsonObject> Conditions(JsonNode? node) => node switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject single => [single],
        _ => [],
    };

    private static bool Condition(JsonObject condition, JsonObject payload)
    {
        if (condition["key"] is null)
        {
            return Matches(condition, payload);
        }

        var value = payload[condition["key"]!.GetValue<string>()];
        if (condition["match"] is JsonObject match)
        {
            if (value is null)
            {
                return false;
            }

            var text = value.ToJsonString();
            if (match["value"] is { } single)
            {
                return single.ToJsonString() == text;
            }

            if (match["any"] is JsonArray any)
            {
                return any.Any(a => a!.ToJsonString() == text);
            }

            if (match["except"] is JsonArray except)
            {
                return except.All(a => a!.ToJsonString() != text);
            }
        }

        if (condition["range"] is JsonObject range)
        {
            if (value is not JsonValue number || !number.TryGetValue<double>(out var x))
            {
                return false;
            }

            return (range["gt"] is null || x > range["gt"]!.GetValue<double>())
                && (range["gte"] is null || x >= range["gte"]!.GetValue<double>())
                && (range["lt"] is null || x < range["lt"]!.GetValue<double>())
                && (range["lte"] is null || x <= range["lte"]!.GetValue<double>());
        }

        return false;
    }

    private static double Cosine(double[] query, float[] vector)
    {
        double dot = 0, a = 0, b = 0;
        for (var i = 0; i < query.Length; i++)
        {
            dot += query[i] * vector[i];
            a += query[i] * query[i];
            b += (double)vector[i] * vector[i];
        }

        return a == 0 || b == 0 ? 0 : dot / Math.Sqrt(a * b);
    }

    internal sealed record Collection(int Size, bool OnDisk, JsonObject? Quantization)
    {
        public ConcurrentDictionary<string, (float[] Vector, JsonObject Payload)> Points { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, string> Indexes { get; } = new(StringComparer.Ordinal);
    }
}
