using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Core.Tracking;

/// <summary>
/// A gap's tickets assigned at import since its run (<c>since_run</c> on <c>GET /api/gaps</c>), with their outcomes
/// as the data stands now. Failures are what is knowable without waiting: a first contact already reopened, escalated
/// or followed up (even inside its FCR window), or mature and still unresolved. <see cref="Fcr"/> adds the new
/// tickets' mature first contacts to the run's own FCR counts; tickets the run already analysed (re-imports) are
/// counted in <see cref="Tickets"/> but not again in the FCR, and run tickets whose outcome changed since (matured, or
/// followed up by a new ticket) wait for the next full run.
/// </summary>
public sealed record SinceRunFigures
{
    /// <summary>Tickets assigned to the gap since the run (new ones and re-imported ones).</summary>
    public long Tickets { get; init; }

    /// <summary>Of those, tickets the run had not analysed.</summary>
    public long NewTickets { get; init; }

    /// <summary>Failures so far among <see cref="Tickets"/>.</summary>
    public long Failures { get; init; }

    /// <summary>First contacts reopened at least once.</summary>
    public long Reopened { get; init; }

    /// <summary>First contacts escalated (or transferred).</summary>
    public long Escalated { get; init; }

    /// <summary>First contacts the same customer followed up within the window.</summary>
    public long FollowedUp { get; init; }

    /// <summary>First contacts whose FCR window is still open (their outcome may still change).</summary>
    public long Immature { get; init; }

    /// <summary>New mature first contacts (added to the FCR denominator).</summary>
    public long MatureFirstContacts { get; init; }

    /// <summary>New mature first contacts resolved first time (added to the FCR numerator).</summary>
    public long ResolvedFirstTime { get; init; }

    /// <summary>The gap's FCR over the run's mature first contacts and the new ones; null when neither has any.</summary>
    public Rate? Fcr { get; init; }

    /// <summary>Figures for a gap nothing was assigned to, carrying the run's own FCR.</summary>
    public static SinceRunFigures Empty(long? runNumerator, long? runDenominator) =>
        new() { Fcr = runDenominator is > 0 ? Rate.Of(runNumerator ?? 0, runDenominator.Value) : null };
}
