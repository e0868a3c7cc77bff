using KnowledgeLoop.Core.Tracking;

namespace KnowledgeLoop.Infrastructure.Storage;

/// <summary>
/// Explicit article publications in the store (schema migration 6): each <c>POST /api/articles/{id}/published</c> adds
/// one; every later analysis reads them all as article events (<see cref="ArticleImpactCalculator"/>).
/// </summary>
public sealed class ArticlePublicationRepository(KnowledgeStore store)
{
    /// <summary>Records a publication; returns its row id.</summary>
    public long Add(ArticlePublication publication, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(store);
        using var command = store.Connection.CreateCommand();
        command.CommandText =
            "INSERT INTO article_publications (article_id, published_at, gap_id, recorded_at) VALUES ($article, $published, $gap, $recorded); " +
            "SELECT last_insert_rowid();";
        command.Parameters.AddWithValue("$article", publication.ArticleId);
        command.Parameters.AddWithValue("$published", publication.PublishedAt.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$gap", (object?)publication.GapId ?? DBNull.Value);
        command.Parameters.AddWithValue("$recorded", recordedAt.ToUnixTimeMilliseconds());
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Every publication, oldest first.</summary>
    public IReadOnlyList<ArticlePublication> List()
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = "SELECT article_id, published_at, gap_id FROM article_publications ORDER BY published_at, id";
        using var reader = command.ExecuteReader();
        var list = new List<ArticlePublication>();
        while (reader.Read())
        {
            list.Add(new ArticlePublication(
                reader.GetString(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return list;
    }
}
