using System.Numerics.Tensors;
using KnowledgeLoop.Core.Embeddings;
using KnowledgeLoop.Core.Text;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Tests.Embeddings;

public class LsaModelTests
{
    private const float Tolerance = 1e-4f;

    private static readonly LsaOptions Small = new() { MinimumDocumentFrequency = 1, MaximumDocumentFrequency = 1.0, UseBigrams = false, Dimensions = 2 };

    [Fact]
    public void TermWeights_ThreeDocuments_MatchTheSublinearSmoothIdfFormula()
    {
        string[] documents = ["avocado avocado banana", "avocado cherry", "banana banana banana cherry"];
        var model = LsaModel.Fit(documents, Small);
        var weights = model.TermWeights(LsaModel.Tokenize(documents, Small));

        Assert.Equal(["avocado", "banana", "cherry"], model.Vocabulary);

        // n = 3; idf = ln(4 / (1 + df)) + 1; avocado, banana and cherry are each in 2 documents.
        var idf = Math.Log(4.0 / 3.0) + 1;
        Assert.Equal((float)idf, model.InverseDocumentFrequencies.Span[0], Tolerance);

        // Document 0: avocado tf 2 -> (1 + ln 2) idf, banana tf 1 -> idf; then L2-normalized.
        var avocado = (1 + Math.Log(2)) * idf;
        var banana = idf;
        var norm = Math.Sqrt(avocado * avocado + banana * banana);
        Assert.Equal([0, 1], weights.RowColumns(0).ToArray());
        Assert.Equal((float)(avocado / norm), weights.RowValues(0)[0], Tolerance);
        Assert.Equal((float)(banana / norm), weights.RowValues(0)[1], Tolerance);
    }

    [Fact]
    public void Fit_MinimumAndMaximumDocumentFrequency_PruneTheVocabulary()
    {
        string[] documents = ["common rare1 scanner", "common scanner", "common printer", "common printer"];
        var model = LsaModel.Fit(documents, new LsaOptions { MinimumDocumentFrequency = 2, MaximumDocumentFrequency = 0.5, UseBigrams = false });

        Assert.Equal(["printer", "scanner"], model.Vocabulary);
    }

    [Fact]
    public void Fit_Bigrams_AreTermsJoinedByUnderscore()
    {
        string[] documents = ["reset password link", "reset password now", "billing invoice wrong", "billing invoice late"];
        var model = LsaModel.Fit(documents, new LsaOptions { MinimumDocumentFrequency = 2, BigramFalseDiscoveryRate = 1 });

        Assert.Contains("reset_password", model.Vocabulary);
        Assert.Contains("bill_invoic", model.Vocabulary);
    }

    [Fact]
    public void Fit_PhrasesAndWordsThatOnlyShareDocuments_KeepsOnlyThePhrases()
    {
        // "reset password" is a phrase in 2 of 5 documents; three colours, twice each, are shuffled around it, so two
        // colours are about as often one word apart as side by side.
        var random = new Random(3);
        string[] colours = ["red", "green", "blue", "gold", "pink", "grey", "black", "white"];
        var documents = Enumerable.Range(0, 300).Select(i =>
        {
            var chosen = colours.OrderBy(_ => random.Next()).Take(3).ToList();
            var words = chosen.Concat(chosen).OrderBy(_ => random.Next()).ToList();
            if (i % 5 < 2)
            {
                words.Insert(random.Next(words.Count + 1), "reset password");
            }

            return string.Join(' ', words);
        }).ToArray();

        var phrases = LsaModel.Fit(documents, new LsaOptions { Dimensions = 2 });
        var everyPair = LsaModel.Fit(documents, new LsaOptions { Dimensions = 2, BigramFalseDiscoveryRate = 1 });

        Assert.Equal(["reset_password"], phrases.Vocabulary.Where(t => t.Contains('_', StringComparison.Ordinal)));
        Assert.Contains("reset_password", everyPair.Vocabulary);
        Assert.True(everyPair.Vocabulary.Count(t => t.Contains('_', StringComparison.Ordinal)) > 20);
    }

    [Theory]
    [InlineData(8, 0, 0.000881)] // never apart: G² = 11.09
    [InlineData(100, 50, 3.7e-5)] // G² = 17.0
    [InlineData(50, 50, 1.0)]
    [InlineData(10, 20, 1.0)] // more often apart than adjacent
    public void PhraseP_AdjacentAgainstOneApart_IsTheLikelihoodRatioTestsPValue(long adjacent, long apart, double expected)
    {
        Assert.Equal(expected, VocabularyBuilder.PhraseP(adjacent, apart), expected * 0.02);
    }

    [Fact]
    public void PhraseCut_BenjaminiHochberg_KeepsTheLargestPValueUnderItsRank()
    {
        // m = 5 at 0.05: the bounds are 0.01, 0.02, 0.03, 0.04, 0.05; 0.03 is the largest under its bound.
        Assert.Equal(0.03, VocabularyBuilder.PhraseCut([0.5, 0.03, 0.001, 0.025, 0.045], 0.05));
        Assert.Equal(-1, VocabularyBuilder.PhraseCut([0.5, 0.3, 0.02], 0.05));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.4795001)]
    [InlineData(2.0, 0.004677735)]
    [InlineData(-1.0, 1.842700793)]
    public void Erfc_KnownValues(double x, double expected)
    {
        Assert.Equal(expected, VocabularyBuilder.Erfc(x), expected * 1e-6);
    }

    [Fact]
    public void Components_LowRankMatrix_MatchABruteForceEigendecomposition()
    {
        // A corpus whose TF-IDF matrix is exactly rank 3 (three distinct documents, repeated).
        string[] distinct = ["alpha beta gamma", "delta epsilon zeta eta", "theta iota alpha kappa"];
        var documents = Enumerable.Range(0, 12).Select(i => distinct[i % 3]).ToArray();
        var options = new LsaOptions { MinimumDocumentFrequency = 1, MaximumDocumentFrequency = 1.0, UseBigrams = false, Dimensions = 3 };
        var model = LsaModel.Fit(documents, options);
        var weights = model.TermWeights(LsaModel.Tokenize(documents, options));

        var expected = BruteForceSingularValues(weights);
        var actual = model.SingularValues.ToArray();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-3f);
        }

        // A V Vᵀ reconstructs A when the rank is the number of dimensions.
        var v = model.Components.Span;
        var k = model.Dimensions;
        for (var row = 0; row < weights.Rows; row++)
        {
            var dense = Dense(weights, row);
            var coordinates = new float[k];
            for (var t = 0; t < dense.Length; t++)
            {
                for (var j = 0; j < k; j++)
                {
                    coordinates[j] += dense[t] * v[t * k + j];
                }
            }

            for (var t = 0; t < dense.Length; t++)
            {
                var rebuilt = 0f;
                for (var j = 0; j < k; j++)
                {
                    rebuilt += coordinates[j] * v[t * k + j];
                }

                Assert.Equal(dense[t], rebuilt, 1e-3f);
            }
        }
    }

    [Fact]
    public void Fit_SameSeed_GivesIdenticalBytes()
    {
        var documents = TwoTopics(40);
        var options = new LsaOptions { Dimensions = 8 };

        var first = LsaModel.FitTransform(documents, options);
        var second = LsaModel.FitTransform(documents, options);

        Assert.Equal(first.Model.Components.ToArray(), second.Model.Components.ToArray());
        Assert.Equal(first.Vectors.Data, second.Vectors.Data);
    }

    [Fact]
    public void FitTransform_TwoVocabularies_SeparateTopics()
    {
        var documents = TwoTopics(40);
        var result = LsaModel.FitTransform(documents, new LsaOptions { Dimensions = 4 });

        double within = 0, across = 0;
        int withinCount = 0, acrossCount = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            for (var j = i + 1; j < documents.Count; j++)
            {
                var cosine = TensorPrimitives.Dot(result.Vectors.Row(i), result.Vectors.Row(j));
                if (i % 2 == j % 2)
                {
                    within += cosine;
                    withinCount++;
                }
                else
                {
                    across += cosine;
                    acrossCount++;
                }
            }
        }

        Assert.True(within / withinCount > 0.5 + across / acrossCount, $"within {within / withinCount:F3}, across {across / acrossCount:F3}");
    }

    [Fact]
    public void FitTransform_Vectors_EqualTransformOfTheSameDocuments()
    {
        var documents = TwoTopics(30);
        var result = LsaModel.FitTransform(documents, new LsaOptions { Dimensions = 6 });

        Assert.Equal(result.Vectors.Data, result.Model.Transform(documents).Data);
        Assert.Equal(1f, TensorPrimitives.Norm(result.Vectors.Row(0)), Tolerance);
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalEmbeddings()
    {
        var documents = TwoTopics(30);
        var model = LsaModel.Fit(documents, new LsaOptions { Dimensions = 6, Seed = 7 });
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = LsaModel.Load(stream);

        Assert.Equal(model.Vocabulary, loaded.Vocabulary);
        Assert.Equal(7, loaded.Options.Seed);
        Assert.Equal(0.001, loaded.Options.BigramFalseDiscoveryRate);
        Assert.Equal(model.Transform(["password reset email never arrives"]).Data, loaded.Transform(["password reset email never arrives"]).Data);
    }

    [Fact]
    public void Load_NotAModel_Throws()
    {
        using var stream = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);

        Assert.Throws<InvalidDataException>(() => LsaModel.Load(stream));
    }

    [Fact]
    public void Fit_SmallCorpus_CapsDimensions()
    {
        var model = LsaModel.Fit(TwoTopics(6), new LsaOptions { Dimensions = 256, MinimumDocumentFrequency = 1 });

        Assert.Equal(5, model.Dimensions);
    }

    [Fact]
    public void Fit_NoTermPassesTheLimits_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => LsaModel.Fit(["one", "two", "three"]));
    }

    [Fact]
    public void Tokenize_Corpus_ExposesTokensAndTerms()
    {
        var corpus = LsaModel.Tokenize(["Hi team,\nPasswords reset failing"]);

        Assert.Equal(["password", "reset", "fail"], corpus.Tokens(0));
        Assert.Equal(["password", "reset", "fail", "password_reset", "reset_fail"], corpus.Terms(0));
    }

    [Fact]
    public void Transform_MoreDocumentsThanOneBlock_EqualsTheUnblockedTransform()
    {
        string[] words = ["invoice", "payment", "bank", "feed", "sync", "error", "login", "password", "export", "report", "tax", "currency"];
        var documents = Enumerable.Range(0, LsaModel.TransformBlock + 1234)
            .Select(i => $"{words[i % 12]} {words[(i / 12) % 12]} {words[(i / 144) % 12]} {words[(i * 7) % 12]}")
            .ToList();
        var model = LsaModel.Fit(documents.Take(2000).ToList(), new LsaOptions { Dimensions = 5 });

        var blocked = model.Transform(documents);
        var whole = model.Transform(LsaModel.Tokenize(documents, model.Options));

        Assert.Equal(documents.Count, blocked.Rows);
        Assert.Equal(whole.Data, blocked.Data);
    }

    [Fact]
    public void Transform_OneDocument_EqualsItsRowInAParallelTransform()
    {
        // One document (a query) is tokenized, weighted and projected inline; thousands run in parallel blocks.
        string[] words = ["invoice", "payment", "bank", "feed", "sync", "error", "login", "password", "export", "report", "tax", "currency"];
        var documents = Enumerable.Range(0, 3000)
            .Select(i => $"{words[i % 12]} {words[(i / 12) % 12]} {words[(i / 144) % 12]} {words[(i * 7) % 12]}")
            .ToList();
        var model = LsaModel.Fit(documents, new LsaOptions { Dimensions = 16, BigramFalseDiscoveryRate = 1 });
        var all = model.Transform(documents);

        Assert.Equal(16, model.Dimensions);
        foreach (var i in new[] { 0, 1, 1023, 1024, 2999 })
        {
            Assert.Equal(all.Row(i).ToArray(), model.Transform([documents[i]]).Row(0).ToArray());
        }
    }

    [Fact]
    public void Transform_UnknownWords_GiveAZeroVector()
    {
        var model = LsaModel.Fit(TwoTopics(20), new LsaOptions { Dimensions = 4 });

        Assert.All(model.Transform(["zzz qqq"]).Data, value => Assert.Equal(0f, value));
    }

    internal static IReadOnlyList<string> TwoTopics(int count)
    {
        string[] billing = ["invoice", "refund", "charge", "payment", "card", "billing", "receipt", "vat"];
        string[] login = ["password", "login", "reset", "account", "locked", "2fa", "email", "code"];
        var random = new Random(3);
        var documents = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var words = i % 2 == 0 ? billing : login;
            documents.Add(string.Join(' ', Enumerable.Range(0, 6).Select(_ => words[random.Next(words.Length)])));
        }

        return documents;
    }

    private static float[] Dense(SparseMatrix matrix, int row)
    {
        var dense = new float[matrix.Columns];
        var columns = matrix.RowColumns(row);
        var values = matrix.RowValues(row);
        for (var i = 0; i < columns.Length; i++)
        {
            dense[columns[i]] = values[i];
        }

        return dense;
    }

    /// <summary>Singular values from a plain Jacobi eigendecomposition of the dense AᵀA.</summary>
    private static float[] BruteForceSingularValues(SparseMatrix matrix)
    {
        var n = matrix.Columns;
        var ata = new double[n, n];
        for (var row = 0; row < matrix.Rows; row++)
        {
            var dense = Dense(matrix, row);
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    ata[i, j] += (double)dense[i] * dense[j];
                }
            }
        }

        for (var sweep = 0; sweep < 50; sweep++)
        {
            for (var p = 0; p < n; p++)
            {
                for (var q = p + 1; q < n; q++)
                {
                    if (Math.Abs(ata[p, q]) < 1e-15)
                    {
                        continue;
                    }

                    var theta = 0.5 * Math.Atan2(2 * ata[p, q], ata[q, q] - ata[p, p]);
                    double c = Math.Cos(theta), s = Math.Sin(theta);
                    for (var k = 0; k < n; k++)
                    {
                        double kp = ata[k, p], kq = ata[k, q];
                        ata[k, p] = c * kp - s * kq;
                        ata[k, q] = s * kp + c * kq;
                    }

                    for (var k = 0; k < n; k++)
                    {
                        double pk = ata[p, k], qk = ata[q, k];
                        ata[p, k] = c * pk - s * qk;
                        ata[q, k] = s * pk + c * qk;
                    }
                }
            }
        }

        return [.. Enumerable.Range(0, n).Select(i => (float)Math.Sqrt(Math.Max(0, ata[i, i]))).OrderDescending()];
    }
}
