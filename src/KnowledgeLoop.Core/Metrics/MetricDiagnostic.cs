namespace KnowledgeLoop.Core.Metrics;

/// <summary>A pairing of metrics in one segment that suggests a headline number misleads (see <see cref="MetricsEngine"/> for the rules).</summary>
/// <param name="Dimension">The lowercase dimension name ("category", "month", ...) or "overall".</param>
/// <param name="Key">The segment key; for an overall trend, the month.</param>
/// <param name="Kind">premature_closure, hard_tickets_escalated, false_efficiency or customers_giving_up.</param>
/// <param name="Message">The finding with its numbers.</param>
public sealed record MetricDiagnostic(string Dimension, string Key, string Kind, string Message)
{
    /// <summary>High FCR with a high reopen rate.</summary>
    public const string PrematureClosure = "premature_closure";

    /// <summary>High FCR with a low first-tier resolution rate.</summary>
    public const string HardTicketsEscalated = "hard_tickets_escalated";

    /// <summary>Short resolution time with a high reopen rate.</summary>
    public const string FalseEfficiency = "false_efficiency";

    /// <summary>FCR falling while ticket volume falls, month over month.</summary>
    public const string CustomersGivingUp = "customers_giving_up";

    /// <summary>The dimension name of diagnostics about all tickets.</summary>
    public const string OverallDimension = "overall";
}
