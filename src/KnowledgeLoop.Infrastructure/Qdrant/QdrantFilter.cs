using System.Text.Json.Nodes;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Infrastructure.Qdrant;

/// <summary>A <see cref="VectorFilter"/> in Qdrant's filter syntax: <c>must</c> of keyword <c>match.any</c> and integer <c>range</c> conditions.</summary>
internal static class QdrantFilter
{
    /// <summary>The filter object, or null when <paramref name="filter"/> filters nothing.</summary>
    public static JsonObject? From(VectorFilter? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var must = new JsonArray();
        if (filter.Categories is { } categories)
        {
            must.Add(Any(QdrantVectorIndex.CategoryField, categories));
        }

        if (filter.CreatedFrom is not null || filter.CreatedBefore is not null)
        {
            var range = new JsonObject();
            if (filter.CreatedFrom is { } from)
            {
                range["gte"] = from.ToUnixTimeMilliseconds();
            }

            if (filter.CreatedBefore is { } before)
            {
                range["lt"] = before.ToUnixTimeMilliseconds();
            }

            must.Add(new JsonObject { ["key"] = QdrantVectorIndex.CreatedAtField, ["range"] = range });
        }

        if (filter.Outcomes is { } outcomes)
        {
            must.Add(Any(QdrantVectorIndex.OutcomeField, outcomes));
        }

        return must.Count == 0 ? null : new JsonObject { ["must"] = must };
    }

    private static JsonObject Any(string key, IEnumerable<string> values) => new()
    {
        ["key"] = key,
        ["match"] = new JsonObject { ["any"] = new JsonArray([.. values.Order(StringComparer.Ordinal).Select(v => (JsonNode?)JsonValue.Create(v))]) },
    };
}
