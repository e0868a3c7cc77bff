using KnowledgeLoop.Core.Analysis;
using Microsoft.Extensions.Options;

namespace KnowledgeLoop.Api.Hosting;

/// <summary>Checks the analysis defaults on start with the Core's own rules, naming the setting that is wrong.</summary>
internal sealed class AnalysisOptionsValidator : IValidateOptions<AnalysisOptions>
{
    public ValidateOptionsResult Validate(string? name, AnalysisOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException exception)
        {
            return ValidateOptionsResult.Fail($"KnowledgeLoop:{exception.Message}");
        }
    }
}
