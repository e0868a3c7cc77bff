using KnowledgeLoop.Cli.Commands;
using KnowledgeLoop.Infrastructure.Ai;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeLoop.Cli.Tests;

/// <summary>The CLI's AI configuration: the offline default, and a bad setting as a one-line bad-input error.</summary>
public sealed class AiConfigurationTests
{
    [Fact]
    public void Build_NoSettings_IsTheOfflinePath()
    {
        using var services = AiConfiguration.Build(new ConfigurationBuilder().Build());

        Assert.False(services.GetRequiredService<KnowledgeLoopAi>().SendsText);
    }

    [Fact]
    public void Build_UnknownEmbedder_IsABadInputErrorNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create("Ai:Embedder", (string?)"ollama")]).Build();

        var error = Assert.Throws<CliException>(() => AiConfiguration.Build(configuration));

        Assert.Equal("AI configuration: Ai:Embedder must be 'local' or 'openai', not 'ollama'.", error.Message);
    }
}
