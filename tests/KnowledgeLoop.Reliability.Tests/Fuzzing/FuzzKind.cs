namespace KnowledgeLoop.Reliability.Tests.Fuzzing;

/// <summary>What a fuzzed file holds.</summary>
public enum FuzzKind
{
    Tickets,
    Articles,
    Sessions,
}
