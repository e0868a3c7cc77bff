using System.Globalization;

namespace KnowledgeLoop.Core.Gaps;

/// <summary>Thresholds of the gap-type rules (<see cref="GapTypeClassifier"/>); mutable so it binds from configuration.</summary>
public sealed class GapTypingOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "GapTyping";

    /// <summary>The cosine similarity an article (or a ticket's best article) must reach to count as a match. Defaults to 0.35 (tuned for the local LSA embedder; remote embedders usually want more).</summary>
    public double SimilarityThreshold { get; set; } = 0.35;

    /// <summary>Two articles are duplicates when their similarities to the centroid differ by at most this. Defaults to 0.05.</summary>
    public double DuplicateMargin { get; set; } = 0.05;

    /// <summary>... and they resemble each other at least this much. Defaults to 0.6.</summary>
    public double DuplicateArticleSimilarity { get; set; } = 0.6;

    /// <summary>An article linked on less than this share of the cluster's resolved tickets is "rarely linked". Defaults to 0.10.</summary>
    public double LowLinkRate { get; set; } = 0.10;

    /// <summary>
    /// An article the cluster's tickets link on at least this share of resolved tickets is the topic's article even when
    /// its similarity is below the threshold: the gap is typed on what happens to its tickets, never missing. Defaults to 0.25.
    /// </summary>
    public double UsedArticleLinkRate { get; set; } = 0.25;

    /// <summary>Session deflection below this is "rarely deflects". Defaults to 0.30.</summary>
    public double LowDeflectionRate { get; set; } = 0.30;

    /// <summary>Fewest mature sessions a deflection rate needs before the rules read it. Defaults to 10.</summary>
    public int MinimumSessions { get; set; } = 10;

    /// <summary>Failures dominated by escalations: at least this share of the cluster's failures escalated or transferred. Defaults to 0.60.</summary>
    public double EscalationShare { get; set; } = 0.60;

    /// <summary>Linked tickets are failing when their FCR is at least this far below the rest's. Defaults to 0.15.</summary>
    public double IneffectiveMargin { get; set; } = 0.15;

    /// <summary>The cluster is "markedly less similar" to an article than the tickets it serves well when its median ticket similarity is lower by at least this. Defaults to 0.05: on LSA vectors an article's own successful tickets sit 0.05–0.10 above a neighbouring topic's tickets.</summary>
    public double ServedSimilarityMargin { get; set; } = 0.05;

    /// <summary>
    /// An article "answers when linked" when the cluster's tickets that link it resolve on first contact at least this much
    /// more often than its unlinked ones (and no worse than the rest less <see cref="IneffectiveMargin"/>). Defaults to 0.10.
    /// </summary>
    public double AnswersWhenLinkedMargin { get; set; } = 0.20;

    /// <summary>A week is the cluster's surge start when its volume exceeds the mean weekly volume before it by this factor. Defaults to 2.</summary>
    public double SurgeFactor { get; set; } = 2.0;

    /// <summary>Fewest tickets in a surge week. Defaults to 3.</summary>
    public int MinimumSurgeTickets { get; set; } = 3;

    /// <summary>Weeks of history a surge needs before it (so a baseline exists). Defaults to 4.</summary>
    public int SurgeBaselineWeeks { get; set; } = 4;

    /// <summary>Fewest mature first contacts linking an article before its FCR is read. Defaults to 3.</summary>
    public int MinimumLinkedTickets { get; set; } = 3;

    /// <summary>Fewest well-served tickets elsewhere (linking, successful, outside the cluster) before their similarity is compared. Defaults to 3.</summary>
    public int MinimumServedTickets { get; set; } = 3;

    /// <summary>Fewest failures before the escalation share is read. Defaults to 5.</summary>
    public int MinimumFailures { get; set; } = 5;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        RequireFraction(SimilarityThreshold, nameof(SimilarityThreshold), allowNegative: true);
        RequireFraction(DuplicateMargin, nameof(DuplicateMargin));
        RequireFraction(DuplicateArticleSimilarity, nameof(DuplicateArticleSimilarity), allowNegative: true);
        RequireFraction(LowLinkRate, nameof(LowLinkRate));
        RequireFraction(UsedArticleLinkRate, nameof(UsedArticleLinkRate));
        RequireFraction(LowDeflectionRate, nameof(LowDeflectionRate));
        RequireFraction(EscalationShare, nameof(EscalationShare));
        RequireFraction(IneffectiveMargin, nameof(IneffectiveMargin));
        RequireFraction(ServedSimilarityMargin, nameof(ServedSimilarityMargin));
        RequireFraction(AnswersWhenLinkedMargin, nameof(AnswersWhenLinkedMargin));
        if (!(SurgeFactor >= 1) || double.IsInfinity(SurgeFactor))
        {
            throw Invalid(nameof(SurgeFactor), "must be at least 1", SurgeFactor);
        }

        RequireAtLeastOne(MinimumSessions, nameof(MinimumSessions));
        RequireAtLeastOne(MinimumSurgeTickets, nameof(MinimumSurgeTickets));
        RequireAtLeastOne(SurgeBaselineWeeks, nameof(SurgeBaselineWeeks));
        RequireAtLeastOne(MinimumLinkedTickets, nameof(MinimumLinkedTickets));
        RequireAtLeastOne(MinimumServedTickets, nameof(MinimumServedTickets));
        RequireAtLeastOne(MinimumFailures, nameof(MinimumFailures));
    }

    private static void RequireFraction(double value, string name, bool allowNegative = false)
    {
        if (!(value >= (allowNegative ? -1 : 0) && value <= 1))
        {
            throw Invalid(name, allowNegative ? "must be between -1 and 1" : "must be between 0 and 1", value);
        }
    }

    private static void RequireAtLeastOne(int value, string name)
    {
        if (value < 1)
        {
            throw Invalid(name, "must be at least 1", value);
        }
    }

    private static ArgumentException Invalid(string name, string rule, object value) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{name} {rule} (was {value})."), name);
}
