using System.CommandLine;
using System.Globalization;
using KnowledgeLoop.Core.Analysis;
using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Cli.Commands;

/// <summary>The gap analysis's settings as command-line options.</summary>
internal sealed class AnalysisCommandOptions
{
    private readonly Option<int?> _clusters = new("--clusters")
    {
        Description = "Number of clusters, or 'auto' (default) to choose it by silhouette.",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (string.Equals(text, "auto", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 2)
            {
                return n;
            }

            result.AddError($"--clusters '{text}' is not 'auto' or a whole number of at least 2.");
            return null;
        },
    };

    private readonly Option<int> _seed = new("--seed") { Description = "Random seed: the same data and seed give the same report.", DefaultValueFactory = _ => 42 };
    private readonly Option<double?> _threshold = new("--similarity-threshold") { Description = "Cosine similarity at which an article counts as matching (default 0.35 for the local embedder)." };
    private readonly Option<double?> _cost = new("--cost-per-contact") { Description = "Cost of one contact; reports what each gap's failures cost." };
    private readonly Option<double?> _minutes = new("--minutes-per-contact") { Description = "Agent minutes per contact; reports the hours each gap's failures cost." };

    public void AddTo(Command command)
    {
        command.Options.Add(_clusters);
        command.Options.Add(_seed);
        command.Options.Add(_threshold);
        command.Options.Add(_cost);
        command.Options.Add(_minutes);
    }

    public AnalysisOptions Read(ParseResult parse, MetricsOptions metrics)
    {
        var options = new AnalysisOptions
        {
            Metrics = metrics,
            Clusters = parse.GetValue(_clusters),
            Seed = parse.GetValue(_seed),
            CostPerContact = parse.GetValue(_cost),
            MinutesPerContact = parse.GetValue(_minutes),
        };
        if (parse.GetValue(_threshold) is { } threshold)
        {
            options.SimilarityThreshold = threshold;
        }

        try
        {
            options.Validate();
        }
        catch (ArgumentException exception)
        {
            throw new CliException(exception.Message);
        }

        return options;
    }
}
