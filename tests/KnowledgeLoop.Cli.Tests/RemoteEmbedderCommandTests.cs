using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeLoop.Cli.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KnowledgeLoop.Cli.Tests;

/// <summary>
/// <c>knowledgeloop analyze</c> configured for a remote embedder (an in-test OpenAI-compatible endpoint): the vectors
/// come from the endpoint, the report says so, a re-run on the same store is served from the store's cache, and
/// <c>similar</c> explains why it can't search that space.
/// </summary>
public sealed class RemoteEmbedderCommandTests : IAsyncLifetime, IDisposable
{
    private static readonly string Demo = DemoCommand.BundledDataFolder;
    private readonly TempFolder _folder = new();
    private readonly ConcurrentQueue<string> _bodies = new();
    private WebApplication _server = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapPost("/v1/embeddings", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            _bodies.Enqueue(body);
            var inputs = JsonNode.Parse(body)!["input"]!.AsArray().Select(x => x!.GetValue<string>()).ToList();
            var data = new JsonArray([.. inputs.Select((text, i) => (JsonNode?)new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = i,
                ["embedding"] = new JsonArray([.. SHA256.HashData(Encoding.UTF8.GetBytes(text)).Take(12).Select(b => (JsonNode?)((b - 127.5f) / 100f))]),
            })]);
            return Results.Json(new JsonObject { ["object"] = "list", ["model"] = "fake-embed", ["data"] = data, ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 } });
        });
        await _server.StartAsync();
        _address = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    private async Task<CliRun> RunAsync(params string[] args)
    {
        AiConfiguration.Override.Value = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ai:Embedder"] = "openai",
            ["OpenAi:Endpoint"] = new Uri(_address, "v1").AbsoluteUri,
            ["OpenAi:EmbeddingModel"] = "fake-embed",
        }).Build();
        return await CliRun.RunAsync(args);
    }

    [Fact]
    public async Task Analyze_RemoteEmbedderConfigured_UsesItCachesInTheStoreAndSimilarExplains()
    {
        var store = _folder.File("remote.db");
        string[] analyze =
        [
            "analyze", "--tickets", Path.Combine(Demo, "tickets.csv"), "--articles", Path.Combine(Demo, "articles"),
            "--store", store, "--out", _folder.File("report"), "--clusters", "8",
        ];

        var first = await RunAsync(analyze);
        var requests = _bodies.Count;
        var second = await RunAsync(analyze);
        var similar = await RunAsync("similar", "bank feed shows every transaction twice", "--store", store);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("AI: embedder fake-embed, chat none, vector store embedded, redaction off, endpoint http://127.0.0.1:", first.Error, StringComparison.Ordinal);
        Assert.True(requests > 0);
        Assert.Equal(requests, _bodies.Count);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder.File("report"), "report.json")));
        Assert.Equal("fake-embed", report.RootElement.GetProperty("analysis").GetProperty("embedder").GetString());
        Assert.Equal(12, report.RootElement.GetProperty("analysis").GetProperty("dimensions").GetInt32());
        Assert.Equal("openai", report.RootElement.GetProperty("ai").GetProperty("embedder").GetString());
        Assert.False(report.RootElement.GetProperty("ai").GetProperty("remote_ai").GetBoolean());
        Assert.Equal(1, similar.ExitCode);
        Assert.Contains("used a remote embedder", similar.Error, StringComparison.Ordinal);
    }
}
