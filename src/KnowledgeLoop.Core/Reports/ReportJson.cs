using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowledgeLoop.Core.Reports;

/// <summary>Reads and writes report.json: indented, snake_case, nulls written (a null rate is "not computable").</summary>
public static class ReportJson
{
    /// <summary>The serializer options every report.json reader and writer shares.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The document as indented JSON.</summary>
    public static string Serialize(ReportDocument document) => JsonSerializer.Serialize(document, Options);

    /// <summary>Writes the document as UTF-8 JSON to <paramref name="utf8Json"/>.</summary>
    public static void Serialize(Stream utf8Json, ReportDocument document) => JsonSerializer.Serialize(utf8Json, document, Options);

    /// <summary>Reads a document; throws <see cref="JsonException"/> when the JSON is not one.</summary>
    public static ReportDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<ReportDocument>(json, Options) ?? throw new JsonException("report.json is null.");

    /// <summary>Reads a document from UTF-8 JSON.</summary>
    public static ReportDocument Deserialize(Stream utf8Json) =>
        JsonSerializer.Deserialize<ReportDocument>(utf8Json, Options) ?? throw new JsonException("report.json is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
