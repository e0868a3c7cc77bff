namespace KnowledgeLoop.Api.Hosting;

/// <summary>The rate limit of <c>GET /api/similar</c> per client address (<c>KnowledgeLoop:RateLimit</c>), a fixed window.</summary>
internal sealed class SimilarRateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "KnowledgeLoop:RateLimit";

    /// <summary>The policy name endpoints refer to.</summary>
    public const string PolicyName = "similar";

    /// <summary>Requests a client may make per window. Defaults to 100.</summary>
    public int PermitLimit { get; set; } = 100;

    /// <summary>The window in seconds. Defaults to 10.</summary>
    public int WindowSeconds { get; set; } = 10;

    /// <summary>Requests that wait for the next window instead of failing. Defaults to 0 (fail at once with 429).</summary>
    public int QueueLimit { get; set; }
}
