namespace KnowledgeLoop.Core.Metrics;

/// <summary>One segment's ticket volume and FCR in the last two complete months before as_of.</summary>
internal sealed record SegmentTrend(string Key, string PreviousMonth, long PreviousTickets, Rate? PreviousFcr, string LatestMonth, long LatestTickets, Rate? LatestFcr);
