namespace KnowledgeLoop.Core.Analysis;

/// <summary>The stages of a gap analysis, in order.</summary>
public enum AnalysisStage
{
    /// <summary>Computing FCR and every ticket's outcome.</summary>
    Metrics,

    /// <summary>Cleaning and tokenizing ticket and article text.</summary>
    Text,

    /// <summary>Fitting the embedder and embedding tickets, article chunks and sessions.</summary>
    Embedding,

    /// <summary>Clustering the failures and assigning every ticket.</summary>
    Clustering,

    /// <summary>Keywords, titles and representative tickets.</summary>
    Labels,

    /// <summary>Matching clusters to articles.</summary>
    Matching,

    /// <summary>Typing, impact and ranking of the gaps.</summary>
    Gaps,
}

/// <summary>How far an analysis has got: the stage and the share of it done (0..1).</summary>
public readonly record struct AnalysisProgress(AnalysisStage Stage, double Fraction);
