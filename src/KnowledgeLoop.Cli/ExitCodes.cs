namespace KnowledgeLoop.Cli;

/// <summary>The exit codes of DESIGN §9.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>Bad input, with a one-line reason on stderr.</summary>
    public const int BadInput = 1;

    /// <summary>An unexpected error.</summary>
    public const int Unexpected = 2;
}
