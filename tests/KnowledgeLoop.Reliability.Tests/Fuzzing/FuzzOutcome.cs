namespace KnowledgeLoop.Reliability.Tests.Fuzzing;

/// <summary>How one fuzz case ended.</summary>
internal enum FuzzOutcome
{
    Committed,
    CommittedNothingNew,
    Refused,
}
