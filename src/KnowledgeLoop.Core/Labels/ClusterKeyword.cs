namespace KnowledgeLoop.Core.Labels;

/// <summary>A term that characterizes a cluster, with its c-TF-IDF weight; bigrams are written "a_b".</summary>
public sealed record ClusterKeyword(string Term, double Score)
{
    /// <summary>The term as people read it: "bank_feed" becomes "bank feed".</summary>
    public string Text => Term.Replace('_', ' ');

    /// <summary>Whether the term is a bigram (or longer n-gram).</summary>
    public bool IsPhrase => Term.Contains('_', StringComparison.Ordinal);
}
