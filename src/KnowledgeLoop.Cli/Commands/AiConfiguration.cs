using KnowledgeLoop.Infrastructure.Ai;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeLoop.Cli.Commands;

/// <summary>
/// The AI configuration of the CLI: environment variables prefixed <c>KNOWLEDGELOOP__</c> (e.g.
/// <c>KNOWLEDGELOOP__AI__EMBEDDER=openai</c>, <c>KNOWLEDGELOOP__OPENAI__ENDPOINT=http://localhost:11434/v1</c>,
/// <c>KNOWLEDGELOOP__QDRANT__URL=http://localhost:6333</c>), composed through the same
/// <see cref="AiServiceCollectionExtensions.AddKnowledgeLoopAi"/> as the HTTP service. None set: the offline path.
/// </summary>
internal static class AiConfiguration
{
    /// <summary>The environment prefix.</summary>
    public const string EnvironmentPrefix = "KNOWLEDGELOOP__";

    /// <summary>
    /// Configuration used instead of the environment by the current async flow only (tests run commands in parallel
    /// in one process, so they can't set environment variables).
    /// </summary>
    internal static AsyncLocal<IConfiguration?> Override { get; } = new();

    /// <summary>The configured AI; an invalid setting is a bad-input error naming it.</summary>
    public static ServiceProvider Build(IConfiguration? configuration = null)
    {
        configuration ??= Override.Value ?? new ConfigurationBuilder().AddEnvironmentVariables(EnvironmentPrefix).Build();
        try
        {
            return new ServiceCollection().AddKnowledgeLoopAi(configuration).BuildServiceProvider();
        }
        catch (ArgumentException exception)
        {
            throw new CliException($"AI configuration: {exception.Message}");
        }
        catch (InvalidOperationException exception)
        {
            throw new CliException($"AI configuration: {exception.Message}");
        }
    }
}
