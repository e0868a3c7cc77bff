using System.ClientModel;
using System.Net;
using Polly;
using Polly.Retry;

namespace KnowledgeLoop.Infrastructure.Ai;

/// <summary>
/// The retry policy shared by the HTTP adapters: transient failures (429, 408, 5xx, network errors, timeouts) are
/// retried with exponential backoff and jitter, honouring <c>Retry-After</c>; everything else fails at once.
/// </summary>
internal static class TransientRetry
{
    /// <summary>Whether an HTTP status is worth retrying.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>A pipeline for raw <see cref="HttpClient"/> calls returning responses.</summary>
    public static ResiliencePipeline<HttpResponseMessage> ForHttp(int maxRetries, TimeSpan delay, TimeProvider? time = null)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time ?? TimeProvider.System };
        if (maxRetries == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = maxRetries,
            Delay = delay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = delay > TimeSpan.Zero,
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TimeoutException>()
                .HandleResult(response => IsTransient(response.StatusCode)),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            OnRetry = args =>
            {
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    /// <summary>A pipeline for the OpenAI package's clients, which throw <see cref="ClientResultException"/>.</summary>
    public static ResiliencePipeline ForClient(int maxRetries, TimeSpan delay, TimeProvider? time = null)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time ?? TimeProvider.System };
        if (maxRetries == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = maxRetries,
            Delay = delay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = delay > TimeSpan.Zero,
            ShouldHandle = new PredicateBuilder()
                .Handle<ClientResultException>(e => e.Status == 0 || IsTransient((HttpStatusCode)e.Status))
                .Handle<HttpRequestException>()
                .Handle<TimeoutException>(),
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Exception is ClientResultException { } e && e.GetRawResponse() is { } raw
                && raw.Headers.TryGetValue("Retry-After", out var value) ? Seconds(value) : null),
        }).Build();
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response) =>
        response?.Headers.RetryAfter?.Delta is { } delta && delta <= TimeSpan.FromSeconds(30) ? delta : null;

    private static TimeSpan? Seconds(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) && s <= 30
            ? TimeSpan.FromSeconds(s)
            : null;
}
