namespace KnowledgeLoop.Api.Hosting;

/// <summary>Cross-origin access (<c>KnowledgeLoop:Cors</c>): off unless origins are listed.</summary>
internal sealed class CorsOriginOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "KnowledgeLoop:Cors";

    /// <summary>Origins allowed to call the API from a browser, e.g. https://support.example.com. Defaults to none (CORS off).</summary>
    public List<string> Origins { get; set; } = [];
}
