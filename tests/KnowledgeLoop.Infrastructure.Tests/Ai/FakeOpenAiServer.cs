using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeLoop.Infrastructure.Tests.Http;
using Microsoft.AspNetCore.Http;

namespace KnowledgeLoop.Infrastructure.Tests.Ai;

/// <summary>
/// Plays an OpenAI-compatible server (protocols.md §2): <c>POST /v1/embeddings</c> answers with deterministic vectors
/// per text (float arrays, or base64 when asked, in reverse index order so clients must sort by <c>index</c>) and
/// <c>POST /v1/chat/completions</c> answers with what <see cref="Reply"/> returns. Requests are checked against the
/// documented fields and the bearer key; faults can be queued (429, 500, 404 ...).
/// </summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    private static readonly HashSet<string> EmbeddingFields = ["model", "input", "dimensions", "encoding_format", "user"];
    private static readonly HashSet<string> ChatFields =
    [
        "model", "messages", "temperature", "top_p", "max_tokens", "max_completion_tokens", "stop", "seed", "stream",
        "response_format", "n", "presence_penalty", "frequency_penalty", "user", "stream_options",
    ];

    private readonly ConcurrentQueue<(string Path, int Status, string Body)> _faults = new();
    private TestHttpServer _server = null!;

    private FakeOpenAiServer(string apiKey, int dimensions)
    {
        ApiKey = apiKey;
        Dimensions = dimensions;
    }

    public string ApiKey { get; }

    /// <summary>The length of the vectors it returns (whatever <c>dimensions</c> asks, unless <see cref="HonourDimensions"/>).</summary>
    public int Dimensions { get; set; }

    public bool HonourDimensions { get; set; } = true;

    /// <summary>The assistant's content for a chat request (its messages as sent); defaults to "{}".</summary>
    public Func<JsonArray, string> Reply { get; set; } = _ => "{}";

    public Uri Endpoint => new(_server.Address, "v1");

    public IReadOnlyCollection<RecordedRequest> Requests => _server.Requests;

    public IReadOnlyCollection<string> Violations => _server.Violations;

    public IEnumerable<RecordedRequest> Embeddings => Requests.Where(r => r.Path == "/v1/embeddings");

    public IEnumerable<RecordedRequest> Chats => Requests.Where(r => r.Path == "/v1/chat/completions");

    public static async Task<FakeOpenAiServer> StartAsync(string apiKey = "sk-test", int dimensions = 8)
    {
        var fake = new FakeOpenAiServer(apiKey, dimensions);
        fake._server = await TestHttpServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    public void FailNext(string path, int status, string body) => _faults.Enqueue((path, status, body));

    /// <summary>The vector the server gives <paramref name="text"/> (before the client normalizes it).</summary>
    public static float[] VectorOf(string text, int dimensions)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Enumerable.Range(0, dimensions).Select(i => (hash[i % hash.Length] - 127.5f) / 10f).ToArray();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string Error(string message, string type) =>
        new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = null } }.ToJsonString();

    private async Task HandleAsync(RecordedRequest request, HttpResponse response, TestHttpServer server)
    {
        if (_faults.TryPeek(out var fault) && fault.Path == request.Path && _faults.TryDequeue(out fault))
        {
            await TestHttpServer.WriteAsync(response, fault.Status, fault.Body);
            return;
        }

        if (request.Headers.GetValueOrDefault("authorization") != "Bearer " + ApiKey)
        {
            await TestHttpServer.WriteAsync(response, 401, Error("Incorrect API key provided.", "invalid_request_error"));
            return;
        }

        if (request.Method != "POST" || request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            server.Violation(request, "not a JSON POST");
        }

        JsonObject body;
        try
        {
            body = JsonNode.Parse(request.Body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException exception)
        {
            server.Violation(request, "body is not a JSON object: " + exception.Message);
            await TestHttpServer.WriteAsync(response, 400, Error("We could not parse the JSON body of your request.", "invalid_request_error"));
            return;
        }

        var (status, json) = request.Path switch
        {
            "/v1/embeddings" => Embed(request, server, body),
            "/v1/chat/completions" => Chat(request, server, body),
            _ => (404, Error($"Unknown request URL: POST {request.Path}.", "invalid_request_error")),
        };
        await TestHttpServer.WriteAsync(response, status, json);
    }

    private (int, string) Embed(RecordedRequest request, TestHttpServer server, JsonObject body)
    {
        foreach (var key in body.Select(p => p.Key).Where(k => !EmbeddingFields.Contains(k)))
        {
            server.Violation(request, $"field '{key}' is not in the embeddings request");
        }

        var inputs = body["input"] switch
        {
            JsonArray array => array.Select(x => x?.GetValue<string>()).ToList(),
            JsonValue single => [single.GetValue<string>()],
            _ => [],
        };
        if (inputs.Count == 0 || inputs.Any(string.IsNullOrEmpty) || body["model"] is null)
        {
            server.Violation(request, "model missing, or input empty or with an empty string");
            return (400, Error("'input' : input cannot be an empty string", "invalid_request_error"));
        }

        var dimensions = HonourDimensions && body["dimensions"] is { } d ? d.GetValue<int>() : Dimensions;
        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (var i = inputs.Count - 1; i >= 0; i--)
        {
            var vector = VectorOf(inputs[i]!, dimensions);
            data.Add(new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = i,
                ["embedding"] = base64 ? Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())) : new JsonArray([.. vector.Select(v => (JsonNode?)v)]),
            });
        }

        return (200, new JsonObject
        {
            ["object"] = "list",
            ["model"] = body["model"]!.GetValue<string>(),
            ["data"] = data,
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Count, ["total_tokens"] = inputs.Count },
        }.ToJsonString());
    }

    private (int, string) Chat(RecordedRequest request, TestHttpServer server, JsonObject body)
    {
        foreach (var key in body.Select(p => p.Key).Where(k => !ChatFields.Contains(k)))
        {
            server.Violation(request, $"field '{key}' is not in the chat request");
        }

        if (body["messages"] is not JsonArray messages || messages.Count == 0
            || messages.Any(m => m?["role"]?.GetValue<string>() is not ("system" or "user" or "assistant") || m["content"] is null))
        {
            server.Violation(request, "messages missing or malformed");
            return (400, Error("'messages' is required", "invalid_request_error"));
        }

        if (body["stream"]?.GetValue<bool>() == true)
        {
            server.Violation(request, "stream requested; the fake answers whole completions only");
        }

        var content = Reply(messages);
        return (200, new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = body["model"]!.GetValue<string>(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                ["finish_reason"] = "stop",
                ["logprobs"] = null,
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 20, ["completion_tokens"] = 10, ["total_tokens"] = 30 },
        }.ToJsonString());
    }
}
