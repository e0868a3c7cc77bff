using KnowledgeLoop.Core.Text;

namespace KnowledgeLoop.Core.Embeddings;

/// <summary>How <see cref="LsaModel"/> builds its vocabulary and its truncated SVD.</summary>
public sealed class LsaOptions
{
    /// <summary>The number of dimensions of an embedding; fewer when the corpus is small (at most min(documents, terms) − 1). Defaults to 256.</summary>
    public int Dimensions { get; init; } = 256;

    /// <summary>Terms in fewer documents than this are left out. Defaults to 2.</summary>
    public int MinimumDocumentFrequency { get; init; } = 2;

    /// <summary>Terms in more than this share of the documents are left out (they separate nothing). Defaults to 0.5.</summary>
    public double MaximumDocumentFrequency { get; init; } = 0.5;

    /// <summary>The vocabulary keeps at most this many terms, the most frequent in the corpus. Defaults to 100,000.</summary>
    public int MaximumFeatures { get; init; } = 100_000;

    /// <summary>Whether bigrams of adjacent tokens ("reset_password") are terms too. Defaults to true.</summary>
    public bool UseBigrams { get; init; } = true;

    /// <summary>
    /// A bigram is a term only when it is a phrase: its two tokens are side by side significantly more often than one
    /// token apart (a log-likelihood ratio test), with the Benjamini–Hochberg procedure holding the expected share of
    /// chance pairs among those kept to this rate. Tokens that merely share documents (a topic's words, a word repeated
    /// in a text) are about as often one apart as side by side: as rare terms they would repeat what their words say and
    /// take most of each document's TF-IDF weight. The procedure adapts to the corpus: at 0.001 it keeps none of the 420k
    /// pairs of 100k shuffled-word documents and about 8,000 of the 50k pairs of 100k generated tickets. At 0.05 the
    /// demo's planted gaps ranked worse (one fell from the top 5 to 7th). 1 keeps every pair that passes the
    /// document-frequency cut. Defaults to 0.001.
    /// </summary>
    public double BigramFalseDiscoveryRate { get; init; } = 0.001;

    /// <summary>Whether tokens are stemmed (<see cref="Stemmer"/>). Defaults to true.</summary>
    public bool UseStemming { get; init; } = true;

    /// <summary>Extra random directions beyond <see cref="Dimensions"/> in the randomized SVD. Defaults to 10.</summary>
    public int Oversampling { get; init; } = 10;

    /// <summary>Power iterations of the randomized SVD (each one costs two passes over the TF-IDF matrix). Defaults to 2.</summary>
    public int PowerIterations { get; init; } = 2;

    /// <summary>Seed of the random test matrix: same corpus and seed, same model, bit for bit. Defaults to 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>How documents are cleaned before tokenizing. Defaults to <see cref="TextCleanerOptions.Default"/>.</summary>
    public TextCleanerOptions Cleaner { get; init; } = TextCleanerOptions.Default;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Dimensions, 1, nameof(Dimensions));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumDocumentFrequency, 1, nameof(MinimumDocumentFrequency));
        if (!(MaximumDocumentFrequency > 0 && MaximumDocumentFrequency <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumDocumentFrequency), MaximumDocumentFrequency, "Must be in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumFeatures, 1, nameof(MaximumFeatures));
        if (!(BigramFalseDiscoveryRate > 0 && BigramFalseDiscoveryRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(BigramFalseDiscoveryRate), BigramFalseDiscoveryRate, "Must be in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Oversampling, nameof(Oversampling));
        ArgumentOutOfRangeException.ThrowIfLessThan(PowerIterations, 1, nameof(PowerIterations));
        ArgumentNullException.ThrowIfNull(Cleaner, nameof(Cleaner));
    }
}
