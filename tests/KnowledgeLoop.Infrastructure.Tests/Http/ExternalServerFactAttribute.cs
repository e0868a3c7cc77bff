namespace KnowledgeLoop.Infrastructure.Tests.Http;

/// <summary>
/// A test against a real external server, run only when the environment variable naming it is set (the only tests
/// allowed to skip): without it the test reports as skipped with the reason, never as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ExternalServerFactAttribute : FactAttribute
{
    public ExternalServerFactAttribute(string variable)
    {
        Variable = variable;
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)))
        {
            Skip = $"opt-in: set {variable} to run against a real server";
        }
    }

    public string Variable { get; }
}
