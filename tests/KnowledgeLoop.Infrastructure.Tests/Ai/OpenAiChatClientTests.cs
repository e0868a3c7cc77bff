using System.Text.Json.Nodes;
using KnowledgeLoop.Infrastructure.Ai;
using Microsoft.Extensions.AI;

namespace KnowledgeLoop.Infrastructure.Tests.Ai;

/// <summary>The OpenAI-compatible chat client against the in-test server (protocols.md §2.2, §5).</summary>
public sealed class OpenAiChatClientTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private OpenAiChatClient Client(TextRedactor? redactor = null) =>
        new(new OpenAiOptions { Endpoint = _server.Endpoint, ApiKey = _server.ApiKey, ChatModel = "llama3.2:3b", RetryDelay = TimeSpan.Zero }, redactor);

    [Fact]
    public async Task GetResponseAsync_Options_SendsTheDocumentedRequestAndMapsTheAnswer()
    {
        _server.Reply = _ => """{"ok": true}""";
        using var client = Client();

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Answer in JSON."), new ChatMessage(ChatRole.User, "Name this gap.")],
            new ChatOptions { Temperature = 0.2f, MaxOutputTokens = 200, ResponseFormat = ChatResponseFormat.Json, StopSequences = ["\n\n"] });

        Assert.Equal("""{"ok": true}""", response.Text);
        Assert.Equal("llama3.2:3b", response.ModelId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(20, response.Usage!.InputTokenCount);
        Assert.Empty(_server.Violations);
        var request = Assert.Single(_server.Chats);
        Assert.Equal("Bearer sk-test", request.Headers["authorization"]);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("llama3.2:3b", body["model"]!.GetValue<string>());
        Assert.Equal(0.2f, body["temperature"]!.GetValue<float>());
        Assert.Equal(200, body["max_completion_tokens"]!.GetValue<int>());
        Assert.Equal("json_object", body["response_format"]!["type"]!.GetValue<string>());
        Assert.Equal("\n\n", body["stop"]![0]!.GetValue<string>());
        Assert.Equal(
            [("system", "Answer in JSON."), ("user", "Name this gap.")],
            body["messages"]!.AsArray().Select(m => (m!["role"]!.GetValue<string>(), m["content"]!.GetValue<string>())));
    }

    [Fact]
    public async Task GetResponseAsync_429ThenSuccess_RetriesOnce()
    {
        _server.FailNext("/v1/chat/completions", 429, """{"error":{"message":"Rate limit reached","type":"requests","param":null,"code":null}}""");
        _server.Reply = _ => "done";
        using var client = Client();

        var response = await client.GetResponseAsync("hello");

        Assert.Equal("done", response.Text);
        Assert.Equal(2, _server.Chats.Count());
    }

    [Fact]
    public async Task GetResponseAsync_WithRedactor_SendsNoEmailPhoneOrListedName()
    {
        using var client = Client(new TextRedactor(names: ["Ana Lopez"]));

        await client.GetResponseAsync("Ticket from Ana Lopez (ana@example.com, +1 415 555 0100): bank feed duplicated.");

        var body = Assert.Single(_server.Chats).Body;
        Assert.DoesNotContain("Ana", body, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", body, StringComparison.Ordinal);
        Assert.DoesNotContain("555", body, StringComparison.Ordinal);
        Assert.Contains("bank feed duplicated", body, StringComparison.Ordinal);
    }
}
