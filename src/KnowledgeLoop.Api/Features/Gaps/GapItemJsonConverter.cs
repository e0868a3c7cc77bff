using System.Text.Json;
using System.Text.Json.Serialization;
using KnowledgeLoop.Core.Reports;

namespace KnowledgeLoop.Api.Features.Gaps;

/// <summary>Writes a <see cref="GapItem"/> as one flat object: the gap document's properties, then <c>since_run</c>.</summary>
internal sealed class GapItemJsonConverter : JsonConverter<GapItem>
{
    public override GapItem Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var gap = document.RootElement.Deserialize<GapDocument>(options) ?? throw new JsonException("A gap must be an object.");
        var sinceRun = document.RootElement.TryGetProperty(Name(options), out var element) ? element.Deserialize<SinceRunResponse>(options) : null;
        return new GapItem(gap, sinceRun);
    }

    public override void Write(Utf8JsonWriter writer, GapItem value, JsonSerializerOptions options)
    {
        using var gap = JsonSerializer.SerializeToDocument(value.Gap, options);
        writer.WriteStartObject();
        foreach (var property in gap.RootElement.EnumerateObject())
        {
            property.WriteTo(writer);
        }

        writer.WritePropertyName(Name(options));
        JsonSerializer.Serialize(writer, value.SinceRun, options);
        writer.WriteEndObject();
    }

    private static string Name(JsonSerializerOptions options) => options.PropertyNamingPolicy?.ConvertName("SinceRun") ?? "SinceRun";
}
