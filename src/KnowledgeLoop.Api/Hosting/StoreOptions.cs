namespace KnowledgeLoop.Api.Hosting;

/// <summary>Where the service keeps its data (<c>KnowledgeLoop:Store</c>).</summary>
internal sealed class StoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "KnowledgeLoop:Store";

    /// <summary>The SQLite store file; created on first use, but its folder must exist. Defaults to knowledgeloop.db in the working folder.</summary>
    public string Path { get; set; } = "knowledgeloop.db";
}
