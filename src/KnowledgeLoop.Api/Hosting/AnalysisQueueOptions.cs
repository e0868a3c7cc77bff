namespace KnowledgeLoop.Api.Hosting;

/// <summary>Background analyses (<c>KnowledgeLoop:Analyses</c>).</summary>
internal sealed class AnalysisQueueOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "KnowledgeLoop:Analyses";

    /// <summary>How many requested analyses may wait; one more gets 503. Defaults to 8.</summary>
    public int QueueCapacity { get; set; } = 8;

    /// <summary>How many analyses run at once (each uses the CPU fully). Defaults to 1.</summary>
    public int MaxConcurrentRuns { get; set; } = 1;
}
