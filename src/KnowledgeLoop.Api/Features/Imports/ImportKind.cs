namespace KnowledgeLoop.Api.Features.Imports;

/// <summary>What an import endpoint takes.</summary>
internal enum ImportKind
{
    /// <summary>Support tickets.</summary>
    Tickets,

    /// <summary>Knowledge-base articles.</summary>
    Articles,

    /// <summary>Self-service sessions.</summary>
    Sessions,
}
