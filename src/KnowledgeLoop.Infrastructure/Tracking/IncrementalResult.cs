using System.Globalization;
using KnowledgeLoop.Core.Tracking;

namespace KnowledgeLoop.Infrastructure.Tracking;

/// <summary>What one incremental assignment did (<see cref="IncrementalAssigner"/>).</summary>
public sealed record IncrementalResult
{
    /// <summary>Assigned, or why not.</summary>
    public required IncrementalStatus Status { get; init; }

    /// <summary>Why assignment did not run, in words; null when it ran.</summary>
    public string? Reason { get; init; }

    /// <summary>The run the tickets were assigned to, or null.</summary>
    public string? RunId { get; init; }

    /// <summary>Tickets embedded and assigned this time (new or updated since the last assignment).</summary>
    public int Tickets { get; init; }

    /// <summary>How many of them got a gap.</summary>
    public int Assigned { get; init; }

    /// <summary>How many distinct gaps they went to.</summary>
    public int Gaps { get; init; }

    /// <summary>Failures (as the analysis selects them, so far) among this time's tickets that fit no gap.</summary>
    public int UnassignedFailures { get; init; }

    /// <summary>Failures that fit no gap among every ticket imported since the run (the emerging gaps' pool).</summary>
    public int UnassignedFailuresSinceRun { get; init; }

    /// <summary>The run's emerging gaps after this assignment.</summary>
    public IReadOnlyList<EmergingGap> Emerging { get; init; } = [];

    /// <summary>Seconds the assignment took.</summary>
    public double Seconds { get; init; }

    /// <summary>One line for people, e.g. "assigned 37 of 40 new tickets to 6 gaps; 3 unassigned failures; emerging gap: passkey, safari (5 tickets)".</summary>
    public string Describe()
    {
        if (Status != IncrementalStatus.Assigned)
        {
            return "incremental assignment: " + Reason;
        }

        var line = string.Create(CultureInfo.InvariantCulture,
            $"assigned {Assigned:N0} of {Tickets:N0} new tickets to {Gaps:N0} {(Gaps == 1 ? "gap" : "gaps")}; {UnassignedFailures:N0} unassigned {(UnassignedFailures == 1 ? "failure" : "failures")}");
        foreach (var gap in Emerging)
        {
            line += string.Create(CultureInfo.InvariantCulture,
                $"; emerging gap: {string.Join(", ", gap.Keywords.Take(4))} ({gap.TicketIds.Count:N0} tickets)");
        }

        return line;
    }

    /// <summary>A result for an assignment that did not run.</summary>
    public static IncrementalResult NotRun(IncrementalStatus status, string reason) => new() { Status = status, Reason = reason };
}
