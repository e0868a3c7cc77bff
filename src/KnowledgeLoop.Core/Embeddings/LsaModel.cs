using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using KnowledgeLoop.Core.Text;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Embeddings;

/// <summary>
/// Latent semantic analysis fitted on a corpus: cleaned, tokenized text → TF-IDF over unigrams and bigrams
/// (sublinear tf = 1 + ln tf, smooth idf = ln((1 + n) / (1 + df)) + 1, rows L2-normalized, stored sparse) →
/// the top right singular vectors V of that matrix (randomized SVD) → embedding = L2(tfidf · V). This is
/// scikit-learn's TfidfVectorizer(sublinear_tf=True) + TruncatedSVD + Normalizer, so results are comparable.
/// Deterministic: the same documents, options and seed give the same floats, bit for bit, on any core count.
/// </summary>
public sealed class LsaModel
{
    private const int FormatVersion = 2;

    /// <summary>Format 1 had no <see cref="LsaOptions.BigramFalseDiscoveryRate"/> (its fits kept every frequent pair); still read.</summary>
    private const int FormatVersionWithoutAssociation = 1;
    private const int RowBlock = 1024;

    /// <summary>Documents embedded at a time by <see cref="Transform(IReadOnlyList{string}, CancellationToken)"/>.</summary>
    internal const int TransformBlock = 32_768;

    private static readonly byte[] Magic = "KLLSA\0"u8.ToArray();

    private readonly string[] _terms;
    private readonly float[] _idf;
    private readonly float[] _components;
    private readonly float[] _singularValues;
    private readonly Dictionary<string, int> _termIndex;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _termLookup;

    private LsaModel(LsaOptions options, int documentCount, string[] terms, float[] idf, int dimensions, float[] components, float[] singularValues)
    {
        Options = options;
        DocumentCount = documentCount;
        Dimensions = dimensions;
        _terms = terms;
        _idf = idf;
        _components = components;
        _singularValues = singularValues;
        _termIndex = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        for (var i = 0; i < terms.Length; i++)
        {
            _termIndex.Add(terms[i], i);
        }

        _termLookup = _termIndex.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The options the model was fitted with.</summary>
    public LsaOptions Options { get; }

    /// <summary>How many documents the model was fitted on.</summary>
    public int DocumentCount { get; }

    /// <summary>The length of an embedding.</summary>
    public int Dimensions { get; }

    /// <summary>An identifier of the embedding space's shape, such as "lsa-256".</summary>
    public string ModelId => $"lsa-{Dimensions}";

    /// <summary>The terms, ordinally sorted; bigrams are "a_b". Position = column of the TF-IDF matrix.</summary>
    public IReadOnlyList<string> Vocabulary => _terms;

    /// <summary>The inverse document frequency of every vocabulary term.</summary>
    public ReadOnlyMemory<float> InverseDocumentFrequencies => _idf;

    /// <summary>The singular values, largest first (zero for dimensions the corpus could not fill).</summary>
    public ReadOnlyMemory<float> SingularValues => _singularValues;

    /// <summary>V: vocabulary × <see cref="Dimensions"/>, row-major; row t is term t's coordinates.</summary>
    public ReadOnlyMemory<float> Components => _components;

    /// <summary>Cleans and tokenizes documents the way a model with these options does (the reusable first step of a fit).</summary>
    public static TokenizedCorpus Tokenize(
        IReadOnlyList<string> documents, LsaOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new LsaOptions();
        return TokenizedCorpus.Create(documents, options.Cleaner, options.UseStemming, progress, cancellationToken);
    }

    /// <summary>Fits a model on <paramref name="documents"/>.</summary>
    public static LsaModel Fit(
        IReadOnlyList<string> documents, LsaOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        FitTransform(documents, options, progress, cancellationToken).Model;

    /// <summary>Fits a model on <paramref name="documents"/> and embeds them, tokenizing each document once.</summary>
    public static LsaFitResult FitTransform(
        IReadOnlyList<string> documents, LsaOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new LsaOptions();
        options.Validate();
        var corpus = Tokenize(documents, options, Stage(progress, 0, 0.3), cancellationToken);
        return FitTransform(corpus, options, Stage(progress, 0.3, 1), cancellationToken);
    }

    /// <summary>Fits a model on an already tokenized corpus (made with the same cleaner and stemming) and embeds its documents.</summary>
    public static LsaFitResult FitTransform(
        TokenizedCorpus corpus, LsaOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        FitTransform(corpus, options, progress, null, cancellationToken);

    /// <summary>The fit, with the seconds of each stage (vocabulary, tfidf, svd, project) added to <paramref name="stageSeconds"/>: the benchmark's breakdown.</summary>
    internal static LsaFitResult FitTransform(
        TokenizedCorpus corpus, LsaOptions? options, IProgress<double>? progress, IDictionary<string, double>? stageSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= new LsaOptions();
        options.Validate();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Lap(string stage)
        {
            if (stageSeconds is not null)
            {
                stageSeconds[stage] = clock.Elapsed.TotalSeconds;
            }

            clock.Restart();
        }

        var documents = corpus.DocumentCount;
        var vocabulary = VocabularyBuilder.Build(corpus, options);
        Lap("vocabulary");
        if (vocabulary.Terms.Length == 0)
        {
            throw new InvalidOperationException(
                $"No term of the {documents} documents is in at least {options.MinimumDocumentFrequency} and at most {options.MaximumDocumentFrequency:P0} of them; there is nothing to embed.");
        }

        var dimensions = Math.Min(options.Dimensions, Math.Min(documents, vocabulary.Terms.Length) - 1);
        if (dimensions < 1)
        {
            throw new InvalidOperationException($"{documents} documents and {vocabulary.Terms.Length} terms are too few for an embedding space.");
        }

        progress?.Report(0.1);
        var idf = new float[vocabulary.Terms.Length];
        for (var t = 0; t < idf.Length; t++)
        {
            idf[t] = (float)(Math.Log((1.0 + documents) / (1.0 + vocabulary.DocumentFrequencies[t])) + 1.0);
        }

        var weights = BuildRows(documents, idf.Length, vocabulary.Collect(corpus), idf, cancellationToken);
        Lap("tfidf");
        var transposed = weights.Transpose();
        Lap("transpose");
        progress?.Report(0.2);
        var (components, singularValues) = RandomizedSvd.Compute(
            weights, transposed, dimensions, options.Oversampling, options.PowerIterations, options.Seed,
            fraction => progress?.Report(0.2 + 0.7 * fraction), cancellationToken, stageSeconds);
        Lap("svd");
        var model = new LsaModel(options, documents, vocabulary.Terms, idf, dimensions, components, singularValues);
        var vectors = model.Project(weights, cancellationToken);
        Lap("project");
        progress?.Report(1);
        return new LsaFitResult(model, vectors, corpus);
    }

    /// <summary>
    /// Embeds documents into this model's space (unit vectors; zero for a document with no known term). Runs in blocks
    /// of <see cref="TransformBlock"/> documents, so only one block's tokens and TF-IDF rows are ever held (a million
    /// tickets would otherwise hold about 1 GB of them); every row is computed as it would be in one piece.
    /// </summary>
    public VectorMatrix Transform(IReadOnlyList<string> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count <= TransformBlock)
        {
            return Transform(Tokenize(documents, Options, null, cancellationToken), cancellationToken);
        }

        var result = new VectorMatrix(documents.Count, Dimensions);
        var block = new string[TransformBlock];
        for (var start = 0; start < documents.Count; start += TransformBlock)
        {
            var count = Math.Min(TransformBlock, documents.Count - start);
            if (count < block.Length)
            {
                block = new string[count];
            }

            for (var i = 0; i < count; i++)
            {
                block[i] = documents[start + i];
            }

            var vectors = Transform(Tokenize(block, Options, null, cancellationToken), cancellationToken);
            vectors.Data.AsSpan().CopyTo(result.Data.AsSpan(start * Dimensions, count * Dimensions));
        }

        return result;
    }

    /// <summary>Embeds an already tokenized corpus (made with this model's cleaner and stemming).</summary>
    public VectorMatrix Transform(TokenizedCorpus corpus, CancellationToken cancellationToken = default) =>
        Project(TermWeights(corpus, cancellationToken), cancellationToken);

    /// <summary>The TF-IDF rows of a corpus over this model's vocabulary (sparse, L2-normalized).</summary>
    public SparseMatrix TermWeights(TokenizedCorpus corpus, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return BuildRows(corpus.DocumentCount, _terms.Length, CollectKnownTerms(corpus), _idf, cancellationToken);
    }

    /// <summary>Raw term counts of a corpus over this model's vocabulary (for class-based TF-IDF labels).</summary>
    public SparseMatrix TermCounts(TokenizedCorpus corpus, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return BuildRows(corpus.DocumentCount, _terms.Length, CollectKnownTerms(corpus), null, cancellationToken);
    }

    /// <summary>Writes the model (versioned binary: options, vocabulary, idf, singular values, components).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        var o = Options;
        writer.Write(o.Dimensions);
        writer.Write(o.MinimumDocumentFrequency);
        writer.Write(o.MaximumDocumentFrequency);
        writer.Write(o.MaximumFeatures);
        writer.Write(o.UseBigrams);
        writer.Write(o.UseStemming);
        writer.Write(o.Oversampling);
        writer.Write(o.PowerIterations);
        writer.Write(o.Seed);
        writer.Write(o.BigramFalseDiscoveryRate);
        var c = o.Cleaner;
        writer.Write(c.RemoveQuotedReplies);
        writer.Write(c.RemoveSignatures);
        writer.Write(c.RemoveGreetings);
        writer.Write(c.RemoveBoilerplate);
        writer.Write(c.RemoveUrls);
        writer.Write(c.MaskEmails);
        writer.Write(c.MaskPhones);
        writer.Write(c.MaskNumbers);
        writer.Write(c.MinimumNumberDigits);
        writer.Write(DocumentCount);
        writer.Write(_terms.Length);
        writer.Write(Dimensions);
        foreach (var term in _terms)
        {
            writer.Write(term);
        }

        WriteFloats(writer, _idf);
        WriteFloats(writer, _singularValues);
        WriteFloats(writer, _components);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a model, or was written by a newer version.</exception>
    public static LsaModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            {
                throw new InvalidDataException("Not a KnowledgeLoop LSA model.");
            }

            var version = reader.ReadInt32();
            if (version is not (FormatVersion or FormatVersionWithoutAssociation))
            {
                throw new InvalidDataException($"LSA model format {version} is not supported (this build reads {FormatVersion}).");
            }

            var options = new LsaOptions
            {
                Dimensions = reader.ReadInt32(),
                MinimumDocumentFrequency = reader.ReadInt32(),
                MaximumDocumentFrequency = reader.ReadDouble(),
                MaximumFeatures = reader.ReadInt32(),
                UseBigrams = reader.ReadBoolean(),
                UseStemming = reader.ReadBoolean(),
                Oversampling = reader.ReadInt32(),
                PowerIterations = reader.ReadInt32(),
                Seed = reader.ReadInt32(),
                BigramFalseDiscoveryRate = version == FormatVersionWithoutAssociation ? 1 : reader.ReadDouble(),
                Cleaner = new TextCleanerOptions
                {
                    RemoveQuotedReplies = reader.ReadBoolean(),
                    RemoveSignatures = reader.ReadBoolean(),
                    RemoveGreetings = reader.ReadBoolean(),
                    RemoveBoilerplate = reader.ReadBoolean(),
                    RemoveUrls = reader.ReadBoolean(),
                    MaskEmails = reader.ReadBoolean(),
                    MaskPhones = reader.ReadBoolean(),
                    MaskNumbers = reader.ReadBoolean(),
                    MinimumNumberDigits = reader.ReadInt32(),
                },
            };
            var documentCount = reader.ReadInt32();
            var termCount = reader.ReadInt32();
            var dimensions = reader.ReadInt32();
            if (termCount < 1 || dimensions < 1 || (long)termCount * dimensions > Array.MaxLength)
            {
                throw new InvalidDataException("The LSA model's sizes are corrupt.");
            }

            var terms = new string[termCount];
            for (var i = 0; i < termCount; i++)
            {
                terms[i] = reader.ReadString();
            }

            var idf = ReadFloats(reader, termCount);
            var singularValues = ReadFloats(reader, dimensions);
            var components = ReadFloats(reader, termCount * dimensions);
            return new LsaModel(options, documentCount, terms, idf, dimensions, components, singularValues);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The LSA model is truncated.", exception);
        }
    }

    private VectorMatrix Project(SparseMatrix weights, CancellationToken cancellationToken)
    {
        var vectors = new VectorMatrix(DenseKernels.Multiply(weights, _components, Dimensions, cancellationToken), weights.Rows, Dimensions);
        vectors.NormalizeRows();
        return vectors;
    }

    /// <summary>Appends the vocabulary ids of a document's terms (unknown terms skipped), looked up by string.</summary>
    private Action<int, List<int>> CollectKnownTerms(TokenizedCorpus corpus)
    {
        var unigrams = new int[corpus.DistinctTokenCount];
        for (var id = 0; id < unigrams.Length; id++)
        {
            unigrams[id] = _termIndex.GetValueOrDefault(corpus.Token(id), -1);
        }

        var bigrams = Options.UseBigrams;
        return (document, output) =>
        {
            var ids = corpus.TokenIds(document);
            foreach (var id in ids)
            {
                if (unigrams[id] >= 0)
                {
                    output.Add(unigrams[id]);
                }
            }

            if (!bigrams)
            {
                return;
            }

            Span<char> buffer = stackalloc char[128];
            for (var i = 1; i < ids.Length; i++)
            {
                var first = corpus.Token(ids[i - 1]);
                var second = corpus.Token(ids[i]);
                var length = first.Length + 1 + second.Length;
                if (length > buffer.Length)
                {
                    continue;
                }

                first.CopyTo(buffer);
                buffer[first.Length] = Tokenizer.BigramSeparator;
                second.CopyTo(buffer[(first.Length + 1)..]);
                if (_termLookup.TryGetValue(buffer[..length], out var term))
                {
                    output.Add(term);
                }
            }
        };
    }

    /// <summary>
    /// CSR rows from each document's term ids: counts, then (with <paramref name="idf"/>) (1 + ln tf) · idf and L2
    /// normalization. Blocks of documents run in parallel; each row is computed by one thread, in column order.
    /// </summary>
    internal static SparseMatrix BuildRows(int documents, int columns, Action<int, List<int>> collect, float[]? idf, CancellationToken cancellationToken)
    {
        var blocks = (documents + RowBlock - 1) / RowBlock;
        var blockColumns = new int[blocks][];
        var blockValues = new float[blocks][];
        var lengths = new int[documents];
        void Block(int block)
        {
            var end = Math.Min(documents, (block + 1) * RowBlock);
            var terms = new List<int>(256);
            var outColumns = new List<int>((end - (block * RowBlock)) * 32);
            var outValues = new List<float>(outColumns.Capacity);
            for (var document = block * RowBlock; document < end; document++)
            {
                terms.Clear();
                collect(document, terms);
                var span = CollectionsMarshal.AsSpan(terms);
                span.Sort();
                var rowStart = outValues.Count;
                var norm = 0.0;
                var i = 0;
                while (i < span.Length)
                {
                    var term = span[i];
                    var count = 0;
                    while (i < span.Length && span[i] == term)
                    {
                        count++;
                        i++;
                    }

                    var weight = idf is null ? count : (float)((1.0 + Math.Log(count)) * idf[term]);
                    norm += (double)weight * weight;
                    outColumns.Add(term);
                    outValues.Add(weight);
                }

                if (idf is not null && norm > 0)
                {
                    var inverse = 1.0 / Math.Sqrt(norm);
                    var row = CollectionsMarshal.AsSpan(outValues)[rowStart..];
                    for (var j = 0; j < row.Length; j++)
                    {
                        row[j] = (float)(row[j] * inverse);
                    }
                }

                lengths[document] = outValues.Count - rowStart;
            }

            blockColumns[block] = [.. outColumns];
            blockValues[block] = [.. outValues];
        }

        // One block (a query, a handful of chunks) runs inline: no thread-pool round trip for a request's embedding.
        if (blocks == 1)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Block(0);
        }
        else
        {
            Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, Block);
        }

        var pointers = new int[documents + 1];
        for (var d = 0; d < documents; d++)
        {
            pointers[d + 1] = checked(pointers[d] + lengths[d]);
        }

        var allColumns = new int[pointers[documents]];
        var allValues = new float[pointers[documents]];
        for (var block = 0; block < blocks; block++)
        {
            var offset = pointers[block * RowBlock];
            blockColumns[block].CopyTo(allColumns, offset);
            blockValues[block].CopyTo(allValues, offset);
        }

        return new SparseMatrix(documents, columns, pointers, allColumns, allValues);
    }

    private static StageProgress? Stage(IProgress<double>? progress, double from, double to) =>
        progress is null ? null : new StageProgress(progress, from, to);

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        if (BitConverter.IsLittleEndian)
        {
            writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }

        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        var values = new float[count];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        reader.BaseStream.ReadExactly(bytes);
        if (!BitConverter.IsLittleEndian)
        {
            for (var i = 0; i < count; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(i * 4, 4));
            }
        }

        return values;
    }

    private sealed class StageProgress(IProgress<double> inner, double from, double to) : IProgress<double>
    {
        public void Report(double value) => inner.Report(from + (to - from) * value);
    }
}
