using KnowledgeLoop.Infrastructure.Qdrant;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeLoop.Infrastructure.Ai;

/// <summary>Registers the configured AI (embedder, chat, vector store) for the API host and the CLI alike.</summary>
public static class AiServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="AiOptions"/>, <see cref="OpenAiOptions"/> and <see cref="QdrantOptions"/> from their sections
    /// of <paramref name="configuration"/>, validates them now (an invalid combination fails at start with a message
    /// naming the setting) and registers them with a singleton <see cref="KnowledgeLoopAi"/>.
    /// </summary>
    public static IServiceCollection AddKnowledgeLoopAi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var (ai, openAi, qdrant) = Bind(configuration);
        ai.Validate(openAi, qdrant);
        services.AddSingleton(ai);
        services.AddSingleton(openAi);
        services.AddSingleton(qdrant);
        services.AddSingleton(provider => new KnowledgeLoopAi(ai, openAi, qdrant));
        return services;
    }

    /// <summary>The three options objects as configured (defaults where a section is absent), not yet validated.</summary>
    public static (AiOptions Ai, OpenAiOptions OpenAi, QdrantOptions Qdrant) Bind(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var ai = configuration.GetSection(AiOptions.SectionName).Get<AiOptions>() ?? new AiOptions();
        var openAi = configuration.GetSection(OpenAiOptions.SectionName).Get<OpenAiOptions>() ?? new OpenAiOptions();
        var qdrant = configuration.GetSection(QdrantOptions.SectionName).Get<QdrantOptions>() ?? new QdrantOptions();
        return (ai, openAi, qdrant);
    }
}
