namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary>A gap's history across runs, oldest first, following continued and merged lineage.</summary>
/// <param name="GapId">The asked-for gap id.</param>
/// <param name="Runs">One entry per run (and per absorbed gap before a merge), oldest first.</param>
internal sealed record GapHistoryResponse(string GapId, IReadOnlyList<GapHistoryRunResponse> Runs);
