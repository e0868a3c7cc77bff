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
    /// A bigram is a term only when it is a phrase: its two tokens are side by side more often than one token apart,
    /// with the log-likelihood ratio G² of that split against an even one at least this (10.83: chance gives it once in
    /// a thousand; a pair never seen apart passes from 8 occurrences). Tokens that merely share documents (a topic's
    /// words, a word repeated in a text) are as often one apart as adjacent: as rare terms they would repeat what their
    /// words say and take most of each document's TF-IDF weight. 0 keeps every pair that passes the document-frequency
    /// cut. Defaults to 10.83.
    /// </summary>
    public double MinimumBigramAssociation { get; init; } = 10.83;

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
        if (!(MinimumBigramAssociation >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumBigramAssociation), MinimumBigramAssociation, "Must be 0 or more.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Oversampling, nameof(Oversampling));
        ArgumentOutOfRangeException.ThrowIfLessThan(PowerIterations, 1, nameof(PowerIterations));
        ArgumentNullException.ThrowIfNull(Cleaner, nameof(Cleaner));
    }
}
