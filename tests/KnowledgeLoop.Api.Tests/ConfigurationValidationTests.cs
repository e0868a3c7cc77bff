using KnowledgeLoop.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace KnowledgeLoop.Api.Tests;

/// <summary>Hosts that must fail to start, each with a message naming the setting (run alone, outside the parallel run).</summary>
[Collection(Name)]
public sealed class ConfigurationValidationTests
{
    public const string Name = "host start failures";

    [Theory]
    [InlineData("KnowledgeLoop:Limits:MaxBatchItems", "0", "MaxBatchItems must be positive")]
    [InlineData("KnowledgeLoop:Limits:MaxRequestBodyBytes", "-1", "MaxRequestBodyBytes must be positive")]
    [InlineData("KnowledgeLoop:RateLimit:PermitLimit", "0", "PermitLimit must be positive")]
    [InlineData("KnowledgeLoop:Analyses:MaxConcurrentRuns", "0", "MaxConcurrentRuns must be between 1 and 16")]
    [InlineData("KnowledgeLoop:Store:Path", "/no/such/folder/store.db", "folder does not exist")]
    [InlineData("KnowledgeLoop:Analysis:SimilarityThreshold", "2", "SimilarityThreshold")]
    public async Task Start_InvalidSetting_FailsWithAClearMessage(string key, string value, string message)
    {
        // The host exactly as Program.cs and `knowledgeloop serve` build it, on an in-memory server.
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KnowledgeLoop:Store:Path"] = Path.Combine(Path.GetTempPath(), "kl-never-created.db"),
            ["Logging:LogLevel:Default"] = "None",
            [key] = value,
        });
        builder.WebHost.UseTestServer();
        builder.AddKnowledgeLoopService();
        await using var app = builder.Build();
        app.UseKnowledgeLoopService();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_InvalidAiSetting_FailsNamingIt()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KnowledgeLoop:Store:Path"] = Path.Combine(Path.GetTempPath(), "kl-never-created.db"),
            ["KnowledgeLoop:Ai:Embedder"] = "ollama",
        });
        builder.WebHost.UseTestServer();

        var exception = Assert.Throws<ArgumentException>(() => builder.AddKnowledgeLoopService());

        Assert.Contains("Ai:Embedder must be 'local' or 'openai'", exception.Message, StringComparison.Ordinal);
    }
}

/// <summary>Runs <see cref="ConfigurationValidationTests"/> outside the parallel test run.</summary>
[CollectionDefinition(ConfigurationValidationTests.Name, DisableParallelization = true)]
public sealed class HostStartFailures;
