using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Embeddings;
using KnowledgeLoop.Core.Matching;
using KnowledgeLoop.Core.Tickets;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Search;

/// <summary>A past ticket similar to the query.</summary>
/// <param name="Ticket">The ticket.</param>
/// <param name="Similarity">Cosine similarity to the query.</param>
/// <param name="Outcome">success, failure, immature or follow_up.</param>
public sealed record SimilarCase(Ticket Ticket, double Similarity, string Outcome);

/// <summary>An article that answers the query, with the heading of its best chunk.</summary>
/// <param name="Article">The article.</param>
/// <param name="Similarity">Its best chunk's similarity to the query.</param>
/// <param name="Heading">That chunk's heading.</param>
public sealed record SimilarArticle(Article Article, double Similarity, string Heading);

/// <summary>What an agent sees for "has anyone seen this before?".</summary>
/// <param name="Resolved">Similar tickets resolved on first contact: what worked.</param>
/// <param name="Failed">Similar tickets that failed (reopened, escalated, followed up): what didn't.</param>
/// <param name="Articles">The best articles for the query.</param>
public sealed record SimilarCases(IReadOnlyList<SimilarCase> Resolved, IReadOnlyList<SimilarCase> Failed, IReadOnlyList<SimilarArticle> Articles);

/// <summary>
/// Similar-case search: embeds the query with the analysis's fitted model, scans the ticket vectors, and splits the
/// nearest tickets into resolved-on-first-contact and failed, next to the best articles.
/// </summary>
public sealed class SimilarCaseSearch
{
    private readonly LsaModel _model;
    private readonly IVectorIndex _tickets;
    private readonly Func<string, Ticket?> _findTicket;
    private readonly ArticleMatcher _matcher;
    private readonly Dictionary<string, Article> _articleById;

    /// <summary>Builds the search over an analysis's model and ticket vectors and the current articles.</summary>
    public SimilarCaseSearch(LsaModel model, IVectorIndex tickets, Func<string, Ticket?> findTicket, IReadOnlyList<Article> articles)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tickets);
        ArgumentNullException.ThrowIfNull(findTicket);
        ArgumentNullException.ThrowIfNull(articles);
        _model = model;
        _tickets = tickets;
        _findTicket = findTicket;
        _articleById = articles.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var chunks = new ArticleChunker().Chunk(_articleById.Values.OrderBy(a => a.Id, StringComparer.Ordinal));
        _matcher = new ArticleMatcher(chunks, chunks.Count == 0 ? new VectorMatrix(0, model.Dimensions) : model.Transform(chunks.Select(c => c.Text).ToList()));
    }

    /// <summary>The <paramref name="k"/> most similar resolved and failed tickets and the 3 best articles.</summary>
    public Task<SimilarCases> SearchAsync(string text, int k = 5, CancellationToken cancellationToken = default) =>
        SearchAsync(text, k, null, cancellationToken);

    /// <summary>The <paramref name="k"/> most similar resolved and failed tickets that pass <paramref name="filter"/>, and the 3 best articles.</summary>
    public async Task<SimilarCases> SearchAsync(string text, int k, SimilarCaseFilter? filter, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        filter ??= new SimilarCaseFilter();
        var categories = filter.Category is null ? null : new HashSet<string>(StringComparer.Ordinal) { filter.Category };
        var query = _model.Transform([text], cancellationToken).RowMemory(0);
        var resolved = filter.Resolved
            ? await _tickets.SearchAsync(query, k, new VectorFilter(Categories: categories, Outcomes: Success), cancellationToken)
            : [];
        var failed = filter.Failed
            ? await _tickets.SearchAsync(query, k, new VectorFilter(Categories: categories, Outcomes: Failure), cancellationToken)
            : [];
        var articles = _matcher.ArticleCount == 0
            ? []
            : _matcher.Top(query.Span, 3)
                .Select(m => new SimilarArticle(_articleById[m.ArticleId], m.Similarity, _matcher.Chunks[m.ChunkIndex].Heading))
                .ToList();
        return new SimilarCases(Cases(resolved), Cases(failed), articles);
    }

    private static readonly IReadOnlySet<string> Success = new HashSet<string>(StringComparer.Ordinal) { "success" };

    private static readonly IReadOnlySet<string> Failure = new HashSet<string>(StringComparer.Ordinal) { "failure" };

    private List<SimilarCase> Cases(IReadOnlyList<VectorHit> hits) =>
        hits.Select(h => (Hit: h, Ticket: _findTicket(h.Id)))
            .Where(x => x.Ticket is not null)
            .Select(x => new SimilarCase(x.Ticket!, Math.Round(x.Hit.Score, 4), x.Hit.Payload.Outcome ?? "unknown"))
            .ToList();
}
