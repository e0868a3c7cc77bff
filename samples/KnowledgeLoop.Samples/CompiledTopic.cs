namespace KnowledgeLoop.Samples;

/// <summary>A topic with its templates compiled and its publication date resolved for one run.</summary>
internal sealed class CompiledTopic
{
    public CompiledTopic(int index, TopicSpec spec, DateTime? publishedAt)
    {
        Index = index;
        Spec = spec;
        PublishedAt = publishedAt;
        var slots = new Dictionary<string, string[]>(TopicCatalog.GlobalSlots);
        foreach (var (name, values) in spec.Slots)
        {
            slots[name] = values;
        }

        Subjects = Compile(spec.Subjects, slots);
        Problems = Compile(spec.Problems, slots);
        Details = Compile(spec.Details, slots);
        Tried = Compile(spec.Tried, slots);
        Resolutions = Compile(spec.Resolutions, slots);
        Queries = Compile(spec.Queries, slots);
        ArticleIds = [.. spec.Articles.Select(a => a.Id)];
    }

    public int Index { get; }

    public TopicSpec Spec { get; }

    /// <summary>When the topic's article went live (PublishedMidPeriod only).</summary>
    public DateTime? PublishedAt { get; }

    public TextTemplate[] Subjects { get; }

    public TextTemplate[] Problems { get; }

    public TextTemplate[] Details { get; }

    public TextTemplate[] Tried { get; }

    public TextTemplate[] Resolutions { get; }

    public TextTemplate[] Queries { get; }

    public string[] ArticleIds { get; }

    public bool HasArticleAt(DateTime time) => ArticleIds.Length > 0 && (PublishedAt is null || time >= PublishedAt);

    public double FailureRateAt(DateTime time) =>
        PublishedAt is { } published && time >= published ? Spec.FailureRateAfter ?? Spec.FailureRate : Spec.FailureRate;

    public double DeflectionAt(DateTime time) =>
        PublishedAt is { } published && time >= published ? Spec.DeflectionAfter ?? Spec.Deflection : Spec.Deflection;

    private static TextTemplate[] Compile(IReadOnlyList<string> texts, IReadOnlyDictionary<string, string[]> slots) =>
        [.. texts.Select(t => TextTemplate.Compile(t, slots))];
}
