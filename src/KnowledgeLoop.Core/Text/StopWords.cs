namespace KnowledgeLoop.Core.Text;

/// <summary>
/// The built-in English stop words: NLTK's list (function words only, unlike scikit-learn's, which also drops
/// "system", "bill", "call" and "find" — words that matter in support tickets), the fragments that splitting
/// contractions leaves ("don", "isn"), and the courtesy words every ticket has ("please", "thanks").
/// </summary>
public static class StopWords
{
    /// <summary>The list, lowercase.</summary>
    public static IReadOnlySet<string> English { get; } = new HashSet<string>(
    [
        "a", "about", "above", "after", "again", "against", "ain", "all", "am", "an", "and", "any", "are", "aren",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
        "couldn", "d", "did", "didn", "do", "does", "doesn", "doing", "don", "down", "during", "each", "few", "for",
        "from", "further", "had", "hadn", "has", "hasn", "have", "haven", "having", "he", "her", "here", "hers",
        "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "isn", "it", "its", "itself",
        "just", "ll", "m", "ma", "me", "mightn", "more", "most", "mustn", "my", "myself", "needn", "no", "nor",
        "not", "now", "o", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out",
        "over", "own", "re", "s", "same", "shan", "she", "should", "shouldn", "so", "some", "such", "t", "than",
        "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
        "through", "to", "too", "under", "until", "up", "ve", "very", "was", "wasn", "we", "were", "weren", "what",
        "when", "where", "which", "while", "who", "whom", "why", "will", "with", "won", "wouldn", "y", "you",
        "your", "yours", "yourself", "yourselves", "would", "could", "also", "get", "got", "im", "ive", "cant",
        "dont", "doesnt", "didnt", "isnt", "wont", "hi", "hello", "hey", "dear", "please", "thanks", "thank",
        "regards", "kind", "best", "cheers",
    ], StringComparer.Ordinal);
}
