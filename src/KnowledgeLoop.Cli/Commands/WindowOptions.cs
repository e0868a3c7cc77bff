using System.CommandLine;
using KnowledgeLoop.Core.Metrics;

namespace KnowledgeLoop.Cli.Commands;

/// <summary>The metric windows as command-line options (DESIGN §3: every window is configurable).</summary>
internal sealed class WindowOptions
{
    private readonly Option<int?> _fcrDays = new("--fcr-days") { Description = "FCR window in calendar days. Defaults to 7." };
    private readonly Option<int?> _fcrBusinessDays = new("--fcr-business-days") { Description = "FCR window in business days (Mon-Fri) instead of calendar days." };
    private readonly Option<int?> _deflectionHours = new("--deflection-hours") { Description = "Deflection window in hours. Defaults to 72." };
    private readonly Option<int?> _niaDays = new("--nia-days") { Description = "Next-issue-avoidance window in days. Defaults to 30." };

    public void AddTo(Command command)
    {
        command.Options.Add(_fcrDays);
        command.Options.Add(_fcrBusinessDays);
        command.Options.Add(_deflectionHours);
        command.Options.Add(_niaDays);
        command.Validators.Add(result =>
        {
            foreach (var option in new[] { _fcrDays, _fcrBusinessDays, _deflectionHours, _niaDays })
            {
                if (result.GetValue(option) is <= 0)
                {
                    result.AddError($"{option.Name} must be a positive whole number.");
                }
            }

            if (result.GetValue(_fcrDays) is not null && result.GetValue(_fcrBusinessDays) is not null)
            {
                result.AddError("give --fcr-days or --fcr-business-days, not both.");
            }
        });
    }

    public MetricsOptions Read(ParseResult parse, DateTimeOffset? asOf, IReadOnlyList<SegmentDimension>? segments = null)
    {
        var defaults = new MetricsOptions();
        var options = new MetricsOptions
        {
            AsOf = asOf,
            FcrWindow = parse.GetValue(_fcrDays) is { } days ? TimeSpan.FromDays(days) : defaults.FcrWindow,
            FcrBusinessDays = parse.GetValue(_fcrBusinessDays),
            DeflectionWindow = parse.GetValue(_deflectionHours) is { } hours ? TimeSpan.FromHours(hours) : defaults.DeflectionWindow,
            NiaWindow = parse.GetValue(_niaDays) is { } nia ? TimeSpan.FromDays(nia) : defaults.NiaWindow,
            Segments = segments ?? defaults.Segments,
        };
        options.Validate();
        return options;
    }
}
