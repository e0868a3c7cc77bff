using System.Text.Json.Nodes;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Infrastructure.Ai;
using KnowledgeLoop.Infrastructure.Prompts;

namespace KnowledgeLoop.Infrastructure.Tests.Ai;

/// <summary>The gap narrator through the real chat client against the in-test OpenAI-compatible server.</summary>
public sealed class GapNarratorTests : IAsyncLifetime, IDisposable
{
    private const string Name = """{"title": "Bank feed duplicates transactions", "summary": "Customers see every bank transaction twice after a reconnect. No article explains how to remove the duplicates."}""";
    private const string Outline = """{"title": "Remove duplicate bank transactions", "audience": "customers", "steps": ["Pause the feed", "Find the duplicates", "Delete them", "Reconnect"], "needs": ["how to delete imported duplicates"]}""";
    private const string Opinion = """{"type": "findability", "agrees": false, "reason": "KB-1008 covers reconnecting but tickets don't link it."}""";
    private static readonly PromptLibrary Prompts = PromptLibrary.Load(Path.Combine(AppContext.BaseDirectory, "prompts"));
    private FakeOpenAiServer _server = null!;
    private OpenAiChatClient _chat = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAiServer.StartAsync();
        _chat = new OpenAiChatClient(new OpenAiOptions { Endpoint = _server.Endpoint, ApiKey = _server.ApiKey, ChatModel = "llama3.2:3b", MaxRetries = 1, RetryDelay = TimeSpan.Zero }, new TextRedactor());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _chat.Dispose();

    private static string Task(JsonArray messages) => messages[0]!["content"]!.GetValue<string>() switch
    {
        var system when system.Contains("name knowledge gaps", StringComparison.Ordinal) => "name",
        var system when system.Contains("draft knowledge-base articles", StringComparison.Ordinal) => "outline",
        _ => "opinion",
    };

    [Fact]
    public async Task NarrateAsync_ValidAnswers_FillsNameSummaryOutlineAndOpinionAndKeepsTheRuleType()
    {
        _server.Reply = messages => Task(messages) switch { "name" => Name, "outline" => "```json\n" + Outline + "\n```", _ => Opinion };
        var narrator = new GapNarrator(_chat, Prompts);

        var report = await narrator.NarrateAsync(GapFixtures.Report(GapFixtures.Gap(1, "missing", secondary: "findability")));

        var gap = Assert.Single(report.Gaps!);
        Assert.Equal("Bank feed duplicates transactions", gap.AiTitle);
        Assert.StartsWith("Customers see every bank transaction twice", gap.AiSummary, StringComparison.Ordinal);
        Assert.Equal(["Pause the feed", "Find the duplicates", "Delete them", "Reconnect"], gap.Outline!.Steps);
        Assert.Equal("findability", gap.TypeOpinion!.Type);
        Assert.False(gap.TypeOpinion.Agrees);
        Assert.Equal("missing", gap.Type);
        Assert.Equal("Duplicate · twice · transactions", gap.Title);
        Assert.Null(gap.AiFallbacks);
        Assert.Equal(3, _server.Chats.Count());
        Assert.Empty(_server.Violations);
        var request = JsonNode.Parse(_server.Chats.First().Body)!;
        Assert.Equal("llama3.2:3b", request["model"]!.GetValue<string>());
        Assert.Equal("json_object", request["response_format"]!["type"]!.GetValue<string>());
        Assert.Equal(300, request["max_completion_tokens"]!.GetValue<int>());
        Assert.Equal(["system", "user"], request["messages"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()));
        Assert.All(_server.Chats, r => Assert.DoesNotContain("ana@example.com", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NarrateAsync_MalformedJson_KeepsTheExtractiveLabelsAndRecordsWhy()
    {
        _server.Reply = messages => Task(messages) switch { "name" => "Sure! The title is: Bank feed duplicates", "outline" => """{"title": "x", "audience": "customers", "steps": "not a list", "needs": []}""", _ => Opinion };
        var narrator = new GapNarrator(_chat, Prompts);

        var gap = (await narrator.NarrateAsync(GapFixtures.Gap(1, "ineffective")));

        Assert.Null(gap.AiTitle);
        Assert.Null(gap.AiSummary);
        Assert.Null(gap.Outline);
        Assert.Equal("findability", gap.TypeOpinion!.Type);
        Assert.Equal("Duplicate · twice · transactions", gap.Title);
        Assert.Equal(2, gap.AiFallbacks!.Count);
        Assert.StartsWith("name_gap: the answer is not JSON (Sure!", gap.AiFallbacks[0], StringComparison.Ordinal);
        Assert.Equal("draft_outline: 'steps' is missing or not an array", gap.AiFallbacks[1]);
    }

    [Fact]
    public async Task NarrateAsync_OpinionWithUnknownType_FallsBack()
    {
        _server.Reply = messages => Task(messages) switch { "name" => Name, "outline" => Outline, _ => """{"type": "training", "agrees": false, "reason": "agents need coaching"}""" };
        var narrator = new GapNarrator(_chat, Prompts);

        var gap = await narrator.NarrateAsync(GapFixtures.Gap(1, "process", secondary: "outdated"));

        Assert.Null(gap.TypeOpinion);
        Assert.Null(gap.Outline);
        Assert.Contains(gap.AiFallbacks!, f => f.StartsWith("review_gap_type: 'type' is 'training'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NarrateAsync_ServerFailing_RecordsTheFailedCallAndLeavesTheGapUsable()
    {
        for (var i = 0; i < 4; i++)
        {
            _server.FailNext("/v1/chat/completions", 500, """{"error":{"message":"model crashed","type":"api_error","param":null,"code":null}}""");
        }

        var narrator = new GapNarrator(_chat, Prompts);

        var gap = await narrator.NarrateAsync(GapFixtures.Gap(1, "missing"));

        // Two calls (one retry) for the name, two for the outline; the borderline type's review then gets "{}".
        Assert.Null(gap.AiTitle);
        Assert.Equal(5, _server.Chats.Count());
        Assert.StartsWith("name_gap: the chat call failed (ClientResultException", gap.AiFallbacks![0], StringComparison.Ordinal);
        Assert.StartsWith("draft_outline: the chat call failed (ClientResultException", gap.AiFallbacks[1], StringComparison.Ordinal);
        Assert.Equal("review_gap_type: 'type' is missing or not a non-empty string", gap.AiFallbacks[2]);
    }

    [Fact]
    public async Task NarrateAsync_GapsBeyondTheLimit_AreLeftAsTheyWere()
    {
        _server.Reply = messages => Task(messages) switch { "name" => Name, "outline" => Outline, _ => Opinion };
        var narrator = new GapNarrator(_chat, Prompts, maximumGaps: 1);
        var second = GapFixtures.Gap(2, "missing");

        var report = await narrator.NarrateAsync(GapFixtures.Report(GapFixtures.Gap(1, "findability"), second));

        Assert.Equal("Bank feed duplicates transactions", report.Gaps![0].AiTitle);
        Assert.Same(second, report.Gaps[1]);
        var json = System.Text.Json.JsonSerializer.Serialize(report.Gaps, ReportJson.Options);
        Assert.Contains("\"ai_title\"", json, StringComparison.Ordinal);
        Assert.Equal(1, json.Split("\"ai_title\"").Length - 1);
        Assert.DoesNotContain("\"outline\"", json, StringComparison.Ordinal);
    }
}
