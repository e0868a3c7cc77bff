using System.Text.RegularExpressions;
using KnowledgeLoop.Infrastructure.Ai;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KnowledgeLoop.Infrastructure.Tests.Deployment;

/// <summary>
/// docker-compose.yml and the Dockerfile, read as files (no Docker engine here): the services' KNOWLEDGELOOP__ settings,
/// with Compose's defaults filled in, pass the same start-up validation the service runs.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "deploy");

    private static YamlMappingNode Services()
    {
        using var reader = new StreamReader(Path.Combine(Folder, "docker-compose.yml"));
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["services"];
    }

    private static Dictionary<string, string?> Environment(string service)
    {
        var environment = (YamlMappingNode)((YamlMappingNode)Services()[service])["environment"];
        return environment.Children
            .Where(p => ((YamlScalarNode)p.Key).Value!.StartsWith("KNOWLEDGELOOP__", StringComparison.Ordinal))
            .ToDictionary(
                p => ((YamlScalarNode)p.Key).Value!["KNOWLEDGELOOP__".Length..].Replace("__", ":", StringComparison.Ordinal),
                p => (string?)Interpolated().Replace(((YamlScalarNode)p.Value).Value ?? string.Empty, m => m.Groups["default"].Value),
                StringComparer.Ordinal);
    }

    [Theory]
    [InlineData("knowledgeloop", false)]
    [InlineData("knowledgeloop-ollama", true)]
    public void ComposeService_Settings_PassStartUpValidation(string service, bool remote)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Environment(service)).Build();
        using var provider = new ServiceCollection().AddKnowledgeLoopAi(configuration).BuildServiceProvider();

        var ai = provider.GetRequiredService<KnowledgeLoopAi>();

        Assert.True(ai.Options.Qdrant);
        Assert.Equal(new Uri("http://qdrant:6333"), ai.Qdrant.Url);
        Assert.Equal(remote, ai.SendsText);
        if (remote)
        {
            Assert.Equal("search_document: ", ai.OpenAi.DocumentPrefix);
            Assert.Equal(new Uri("http://ollama:11434/v1"), ai.OpenAi.Endpoint);
            Assert.True(ai.Redacts);
        }
    }

    [Fact]
    public void Compose_OllamaProfile_PullsBothModelsBeforeTheServiceThatUsesThem()
    {
        var services = Services();
        var pull = (YamlMappingNode)services["ollama-pull"];
        var user = (YamlMappingNode)services["knowledgeloop-ollama"];
        var qdrant = (YamlMappingNode)services["qdrant"];

        var command = ((YamlSequenceNode)pull["command"]).Children.Single().ToString();
        Assert.Contains("ollama pull ${KNOWLEDGELOOP_EMBEDDING_MODEL:-nomic-embed-text}", command, StringComparison.Ordinal);
        Assert.Contains("ollama pull ${KNOWLEDGELOOP_CHAT_MODEL:-llama3.2:3b}", command, StringComparison.Ordinal);
        Assert.Equal("service_completed_successfully", ((YamlMappingNode)((YamlMappingNode)user["depends_on"])["ollama-pull"])["condition"].ToString());
        Assert.Equal(["ollama"], ((YamlSequenceNode)user["profiles"]).Children.Select(c => c.ToString()));
        Assert.Contains("/readyz", ((YamlSequenceNode)((YamlMappingNode)qdrant["healthcheck"])["test"]).Children.Last().ToString(), StringComparison.Ordinal);
        Assert.Equal("qdrant-storage:/qdrant/storage", ((YamlSequenceNode)qdrant["volumes"]).Children.Single().ToString());
    }

    [Fact]
    public void Dockerfile_RuntimeStage_IsNonRootWithAHealthCheckOnHealth()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "Dockerfile"));
        var stages = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        var runtime = lines.SkipWhile(l => !l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, stages.Count);
        Assert.Contains(runtime, l => l.StartsWith("USER $APP_UID", StringComparison.Ordinal));
        Assert.Contains(runtime, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.Contains(runtime, l => l.Contains("GET /health HTTP/1.0", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\$\{[A-Z_]+:?-(?<default>[^}]*)\}")]
    private static partial Regex Interpolated();
}
