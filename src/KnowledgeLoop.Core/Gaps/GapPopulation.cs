using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Gaps;

/// <summary>The whole data set's FCR counts, against which a cluster is compared ("the rest" = population − cluster).</summary>
/// <param name="FirstContacts">All first contacts.</param>
/// <param name="MatureFirstContacts">All mature first contacts (the FCR denominator).</param>
/// <param name="Successes">Mature first contacts resolved on first contact.</param>
/// <param name="DataStart">The earliest ticket in the data set, so a cluster's volume baseline can start before its first ticket; null = the cluster's first ticket.</param>
public sealed record GapPopulation(long FirstContacts, long MatureFirstContacts, long Successes, DateTimeOffset? DataStart = null)
{
    /// <summary>Mature first contacts that failed.</summary>
    public long Failures => MatureFirstContacts - Successes;

    /// <summary>The population from the metrics' counts.</summary>
    public static GapPopulation From(MetricCounts counts, DateTimeOffset? dataStart = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new GapPopulation(counts.FirstContacts, counts.MatureFirstContacts, counts.MatureFirstContacts - counts.Failures, dataStart);
    }
}
