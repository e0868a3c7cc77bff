using KnowledgeLoop.Core.Search;

namespace KnowledgeLoop.Api.Features.Similar;

/// <summary>One analysis's similar-case search, held in memory: the search and the article titles and URLs hits link to.</summary>
/// <param name="Search">The search over the analysis's model and ticket vectors.</param>
/// <param name="Articles">Article id to its title and URL.</param>
/// <param name="TicketCount">How many ticket vectors it holds.</param>
internal sealed record SimilarSnapshot(SimilarCaseSearch Search, IReadOnlyDictionary<string, LinkedArticle> Articles, int TicketCount);
