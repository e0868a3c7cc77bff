namespace KnowledgeLoop.Core.Reports;

/// <summary>One row of report.json "diagnostics" (an extension of DESIGN §9).</summary>
public sealed record DiagnosticDocument
{
    /// <summary>The lowercase dimension, or "overall".</summary>
    public required string Dimension { get; init; }

    /// <summary>The segment key (for an overall trend, the month).</summary>
    public required string Key { get; init; }

    /// <summary>premature_closure, hard_tickets_escalated, false_efficiency or customers_giving_up.</summary>
    public required string Kind { get; init; }

    /// <summary>The finding with its numbers.</summary>
    public required string Message { get; init; }
}
