namespace KnowledgeLoop.Cli;

/// <summary>Bad input the user can fix: exit code 1 with a one-line reason (DESIGN §9).</summary>
internal sealed class CliException(string message) : Exception(message);
