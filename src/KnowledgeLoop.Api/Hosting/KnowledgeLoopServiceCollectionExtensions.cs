using KnowledgeLoop.Api.Features.Analyses;
using KnowledgeLoop.Api.Features.Gaps;
using KnowledgeLoop.Api.Features.Imports;
using KnowledgeLoop.Api.Features.Metrics;
using KnowledgeLoop.Api.Features.Similar;
using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Tracking;
using KnowledgeLoop.Core.Vectors;
using KnowledgeLoop.Infrastructure.Ai;
using KnowledgeLoop.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace KnowledgeLoop.Api.Hosting;

/// <summary>
/// The two registrations the HTTP service and the CLI share (STYLE §3): the pure Core services, and what touches the
/// outside (the store, the analysis queue, the in-memory similar-case index), each bound from configuration and
/// validated on start.
/// </summary>
internal static class KnowledgeLoopServiceCollectionExtensions
{
    /// <summary>Core: the clock and the analysis defaults (<c>KnowledgeLoop:Analysis</c>).</summary>
    public static IServiceCollection AddKnowledgeLoopCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<AnalysisOptions>()
            .BindConfiguration("KnowledgeLoop:" + AnalysisOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AnalysisOptions>, AnalysisOptionsValidator>();
        return services;
    }

    /// <summary>Infrastructure: the store (one per unit of work), background analyses, metrics, reports and similar-case search.</summary>
    public static IServiceCollection AddKnowledgeLoopInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>()
            .Bind(configuration.GetSection(StoreOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), $"{StoreOptions.SectionName}:Path must name the store file.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Path) || Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(o.Path))),
                $"{StoreOptions.SectionName}:Path: the store's folder does not exist; create it or point the path elsewhere.")
            .ValidateOnStart();
        services.AddOptions<AnalysisQueueOptions>()
            .Bind(configuration.GetSection(AnalysisQueueOptions.SectionName))
            .Validate(o => o.QueueCapacity > 0, $"{AnalysisQueueOptions.SectionName}:QueueCapacity must be at least 1.")
            .Validate(o => o.MaxConcurrentRuns is > 0 and <= 16, $"{AnalysisQueueOptions.SectionName}:MaxConcurrentRuns must be between 1 and 16.")
            .ValidateOnStart();

        // The AI the configuration chooses (KnowledgeLoop:Ai, :OpenAi, :Qdrant; none: the offline path), as the CLI's analyze uses it.
        services.AddKnowledgeLoopAi(configuration.GetSection("KnowledgeLoop"));
        services.AddSingleton(sp => new KnowledgeStoreFactory(sp.GetRequiredService<IOptions<StoreOptions>>().Value.Path));
        services.AddOptions<VectorIndexOptions>()
            .BindConfiguration("KnowledgeLoop:" + VectorIndexOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<VectorIndexOptions>, VectorIndexOptionsValidator>();
        services.AddSingleton<IVectorIndexFactory, SizedVectorIndexFactory>();
        services.AddSingleton<IAnalysisObserver, NoAnalysisObserver>();
        services.AddSingleton<AnalysisQueue>();
        services.AddHostedService<AnalysisWorker>();
        services.AddSingleton<SimilarSearchProvider>();
        services.AddSingleton<ReportCache>();
        services.AddSingleton<MetricsService>();
        services.AddSingleton<ImportService>();
        services.AddOptions<IncrementalOptions>()
            .BindConfiguration("KnowledgeLoop:" + IncrementalOptions.SectionName)
            .Validate(o => Validates(o.Validate), "KnowledgeLoop:Incremental: MinimumClusterSize ≥ 2, NeighbourSimilarity in (0, 1], MaximumCandidates ≥ MinimumClusterSize.")
            .ValidateOnStart();
        services.AddSingleton<ImportAssignmentHook>();
        services.AddSingleton<SinceRunCache>();
        return services;
    }

    private static bool Validates(Action validate)
    {
        try
        {
            validate();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
