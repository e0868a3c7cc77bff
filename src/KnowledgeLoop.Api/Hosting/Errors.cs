using System.Text.Json;

namespace KnowledgeLoop.Api.Hosting;

/// <summary>Validation errors in ProblemDetails' <c>errors</c> shape: field name to reasons.</summary>
internal static class Errors
{
    /// <summary>One field with one reason.</summary>
    public static Dictionary<string, string[]> One(string field, string reason) => new(StringComparer.Ordinal) { [field] = [reason] };

    /// <summary>A JSON parse error in words, without the serializer's type names.</summary>
    public static string JsonReason(JsonException exception) =>
        exception.LineNumber is { } line
            ? $"is not valid JSON for this field (line {line + 1}, position {exception.BytePositionInLine + 1})."
            : "is not valid JSON for this field.";
}
