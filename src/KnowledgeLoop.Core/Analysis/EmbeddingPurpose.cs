using Microsoft.Extensions.AI;

namespace KnowledgeLoop.Core.Analysis;

/// <summary>
/// Tells an embedder whether texts are indexed documents or search queries (models such as nomic-embed-text want a
/// different prefix for each), through <see cref="EmbeddingGenerationOptions.AdditionalProperties"/>.
/// </summary>
public static class EmbeddingPurpose
{
    /// <summary>The additional property naming the purpose.</summary>
    public const string PropertyName = "knowledgeloop_input_kind";

    /// <summary>Texts that are indexed and searched for (tickets, article chunks): the default.</summary>
    public const string Document = "document";

    /// <summary>Texts that search (a self-service query, an agent's question).</summary>
    public const string Query = "query";

    /// <summary>Options marking the texts as queries.</summary>
    public static EmbeddingGenerationOptions ForQueries() => new() { AdditionalProperties = new() { [PropertyName] = Query } };

    /// <summary>Whether <paramref name="options"/> mark the texts as queries.</summary>
    public static bool IsQuery(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PropertyName, out var kind) == true && kind is Query;
}
