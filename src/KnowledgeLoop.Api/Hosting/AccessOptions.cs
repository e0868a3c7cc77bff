namespace KnowledgeLoop.Api.Hosting;

/// <summary>
/// Who may call the API (<c>KnowledgeLoop</c>): API keys sent in <c>X-Api-Key</c> guard every write, and reads too
/// when <see cref="RequireKeyForReads"/> is set. Keys also come from the environment variable
/// <c>KNOWLEDGELOOP_API_KEY</c>. With no key at all, writes are open only when the server listens on loopback
/// addresses only, or when <see cref="AllowAnonymousWrites"/> says so.
/// </summary>
internal sealed class AccessOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "KnowledgeLoop";

    /// <summary>The environment variable that may hold one more key.</summary>
    public const string EnvironmentVariable = "KNOWLEDGELOOP_API_KEY";

    /// <summary>One API key. Defaults to none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>More API keys (e.g. one per client, to rotate). Defaults to none.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>When true, reads need a key too. Defaults to false.</summary>
    public bool RequireKeyForReads { get; set; }

    /// <summary>When true and no key is configured, anyone may write even on a public address. Defaults to false.</summary>
    public bool AllowAnonymousWrites { get; set; }

    /// <summary>Every configured key, blanks dropped.</summary>
    public IReadOnlyList<string> AllKeys(string? fromEnvironment) =>
        new[] { ApiKey, fromEnvironment }.Concat(ApiKeys)
            .Where(k => !string.IsNullOrWhiteSpace(k))
            .Select(k => k!.Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
