using KnowledgeLoop.Infrastructure.Ai;
using KnowledgeLoop.Infrastructure.Tests.Http;
using Microsoft.Extensions.AI;

namespace KnowledgeLoop.Infrastructure.Tests.Ai;

/// <summary>
/// The adapters against a real OpenAI-compatible server, opt-in: <c>KNOWLEDGELOOP_TEST_OPENAI_URL</c> (ending in /v1,
/// e.g. Ollama's http://localhost:11434/v1), with <c>KNOWLEDGELOOP_TEST_OPENAI_KEY</c>,
/// <c>KNOWLEDGELOOP_TEST_EMBEDDING_MODEL</c> (default nomic-embed-text) and <c>KNOWLEDGELOOP_TEST_CHAT_MODEL</c>
/// (default llama3.2:3b).
/// </summary>
public sealed class RealOpenAiTests
{
    private const string Variable = "KNOWLEDGELOOP_TEST_OPENAI_URL";

    private static OpenAiOptions Options() => new()
    {
        Endpoint = new Uri(Environment.GetEnvironmentVariable(Variable)!),
        ApiKey = Environment.GetEnvironmentVariable("KNOWLEDGELOOP_TEST_OPENAI_KEY"),
        EmbeddingModel = Environment.GetEnvironmentVariable("KNOWLEDGELOOP_TEST_EMBEDDING_MODEL") ?? "nomic-embed-text",
        ChatModel = Environment.GetEnvironmentVariable("KNOWLEDGELOOP_TEST_CHAT_MODEL") ?? "llama3.2:3b",
    };

    [ExternalServerFact(Variable)]
    public async Task Embeddings_RealServer_SimilarTextsAreCloserThanUnrelatedOnes()
    {
        using var generator = new OpenAiEmbeddingGenerator(Options());

        var vectors = await generator.GenerateAsync(["my bank feed shows every transaction twice", "duplicate transactions after the bank sync", "how do I change my invoice logo"]);

        var similar = System.Numerics.Tensors.TensorPrimitives.Dot(vectors[0].Vector.Span, vectors[1].Vector.Span);
        var unrelated = System.Numerics.Tensors.TensorPrimitives.Dot(vectors[0].Vector.Span, vectors[2].Vector.Span);
        Assert.True(similar > unrelated, $"similar {similar} <= unrelated {unrelated}");
    }

    [ExternalServerFact(Variable)]
    public async Task Chat_RealServer_AnswersInJsonWhenAsked()
    {
        using var client = new OpenAiChatClient(Options());

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, """Answer with one JSON object {"answer": "<word>"} and nothing else."""), new ChatMessage(ChatRole.User, "What colour is the sky on a clear day?")],
            new ChatOptions { Temperature = 0, ResponseFormat = ChatResponseFormat.Json, MaxOutputTokens = 50 });

        using var json = System.Text.Json.JsonDocument.Parse(response.Text);
        Assert.True(json.RootElement.TryGetProperty("answer", out _), response.Text);
    }
}
