namespace KnowledgeLoop.Web.Tests;

/// <summary>The browser tests share one seeded server and one browser: starting them is the expensive part.</summary>
[CollectionDefinition(Name)]
public sealed class WebTestGroup : ICollectionFixture<WebFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "web page";
}
