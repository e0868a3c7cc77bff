namespace KnowledgeLoop.Api.Tests;

/// <summary>The test classes that share one analyzed service.</summary>
[CollectionDefinition(Name)]
public sealed class AnalyzedServiceGroup : ICollectionFixture<AnalyzedServiceFixture>
{
    public const string Name = "analyzed service";
}
