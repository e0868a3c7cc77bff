using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using Polly;
using MeaiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using OpenAiChat = OpenAI.Chat.ChatClient;
using OpenAiChatMessage = OpenAI.Chat.ChatMessage;
using OpenAiResponseFormat = OpenAI.Chat.ChatResponseFormat;

namespace KnowledgeLoop.Infrastructure.Ai;

/// <summary>
/// <see cref="IChatClient"/> over any OpenAI-compatible <c>/v1/chat/completions</c> endpoint through the OpenAI
/// package's <see cref="OpenAiChat"/>: messages are redacted when a redactor is given, options map to the
/// completion's (temperature, top_p, max_completion_tokens, seed, stop, JSON response format), transient failures
/// are retried with backoff (Polly). Streaming returns the whole completion as one update.
/// </summary>
public sealed class OpenAiChatClient : IChatClient
{
    /// <summary>The provider name in the client's metadata.</summary>
    public const string ProviderName = "openai";

    private readonly OpenAiChat _client;
    private readonly TextRedactor? _redactor;
    private readonly ResiliencePipeline _retry;
    private readonly ChatClientMetadata _metadata;

    /// <summary>A client for <paramref name="options"/>' endpoint and chat model.</summary>
    public OpenAiChatClient(OpenAiOptions options, TextRedactor? redactor = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(embeddings: false, chat: true);
        _redactor = redactor;
        _client = new OpenAiChat(options.ChatModel!, new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "unused" : options.ApiKey), OpenAiEmbeddingGenerator.ClientOptions(options));
        _retry = TransientRetry.ForClient(options.MaxRetries, options.RetryDelay, time);
        _metadata = new ChatClientMetadata(ProviderName, options.Endpoint, options.ChatModel);
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var wire = messages.Select(ToOpenAi).ToList();
        var completionOptions = ToOpenAi(options);
        var completion = await _retry.ExecuteAsync(
            async token => (await _client.CompleteChatAsync(wire, completionOptions, token)).Value,
            cancellationToken);
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        return new ChatResponse(new MeaiChatMessage(ChatRole.Assistant, text))
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = completion.FinishReason switch
            {
                OpenAI.Chat.ChatFinishReason.Length => Microsoft.Extensions.AI.ChatFinishReason.Length,
                OpenAI.Chat.ChatFinishReason.ContentFilter => Microsoft.Extensions.AI.ChatFinishReason.ContentFilter,
                OpenAI.Chat.ChatFinishReason.ToolCalls or OpenAI.Chat.ChatFinishReason.FunctionCall => Microsoft.Extensions.AI.ChatFinishReason.ToolCalls,
                _ => Microsoft.Extensions.AI.ChatFinishReason.Stop,
            },
            Usage = completion.Usage is { } usage
                ? new UsageDetails { InputTokenCount = usage.InputTokenCount, OutputTokenCount = usage.OutputTokenCount, TotalTokenCount = usage.TotalTokenCount }
                : null,
            RawRepresentation = completion,
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<MeaiChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
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

    private OpenAiChatMessage ToOpenAi(MeaiChatMessage message)
    {
        var text = _redactor?.Redact(message.Text) ?? message.Text;
        return message.Role.Value switch
        {
            "system" => new SystemChatMessage(text),
            "assistant" => new AssistantChatMessage(text),
            "user" => new UserChatMessage(text),
            var role => throw new NotSupportedException($"Chat role '{role}' is not supported by this client."),
        };
    }

    private static ChatCompletionOptions ToOpenAi(ChatOptions? options)
    {
        var result = new ChatCompletionOptions();
        if (options is null)
        {
            return result;
        }

        result.Temperature = options.Temperature;
        result.TopP = options.TopP;
        result.MaxOutputTokenCount = options.MaxOutputTokens;
#pragma warning disable OPENAI001 // Seed is marked experimental in the OpenAI package; servers that ignore it are harmless.
        result.Seed = options.Seed;
#pragma warning restore OPENAI001
        foreach (var stop in options.StopSequences ?? [])
        {
            result.StopSequences.Add(stop);
        }

        result.ResponseFormat = options.ResponseFormat switch
        {
            ChatResponseFormatJson { Schema: { } schema } json => OpenAiResponseFormat.CreateJsonSchemaFormat(
                json.SchemaName ?? "response", BinaryData.FromString(schema.GetRawText()), json.SchemaDescription),
            ChatResponseFormatJson => OpenAiResponseFormat.CreateJsonObjectFormat(),
            ChatResponseFormatText => OpenAiResponseFormat.CreateTextFormat(),
            _ => null,
        };
        return result;
    }
}
