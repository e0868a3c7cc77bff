using System.Text.Json.Serialization;
using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary>
/// A gap as <c>/api/gaps</c> returns it: every field of the report's gap, unchanged, followed by <c>since_run</c>
/// (null when the store's latest run is not this analysis, or nothing can be assigned).
/// </summary>
[JsonConverter(typeof(GapItemJsonConverter))]
internal sealed record GapItem(GapDocument Gap, SinceRunResponse? SinceRun);
