namespace KnowledgeLoop.Api.Hosting;

/// <summary>Request limits (<c>KnowledgeLoop:Limits</c>); a request over a limit gets 413.</summary>
internal sealed class LimitsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "KnowledgeLoop:Limits";

    /// <summary>The largest request body in bytes (uploads included). Defaults to 100 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The most records one JSON batch may hold. Defaults to 10,000.</summary>
    public int MaxBatchItems { get; set; } = 10_000;

    /// <summary>The most row problems an import response lists (all are counted). Defaults to 200.</summary>
    public int MaxProblemsReturned { get; set; } = 200;
}
