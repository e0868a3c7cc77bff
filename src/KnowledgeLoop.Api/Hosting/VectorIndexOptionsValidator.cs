using KnowledgeLoop.Core.Vectors;
using Microsoft.Extensions.Options;

namespace KnowledgeLoop.Api.Hosting;

/// <summary>Checks <c>KnowledgeLoop:VectorIndex</c> on start with the Core's own rules, naming the setting that is wrong.</summary>
internal sealed class VectorIndexOptionsValidator : IValidateOptions<VectorIndexOptions>
{
    public ValidateOptionsResult Validate(string? name, VectorIndexOptions options)
    {
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException exception)
        {
            return ValidateOptionsResult.Fail($"KnowledgeLoop:{VectorIndexOptions.SectionName}: {exception.Message}");
        }
    }
}
