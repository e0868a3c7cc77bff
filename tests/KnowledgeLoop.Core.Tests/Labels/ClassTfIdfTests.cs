using KnowledgeLoop.Core.Labels;

namespace KnowledgeLoop.Core.Tests.Labels;

public class ClassTfIdfTests
{
    private const double Tolerance = 1e-12;

    // Class 0: "password reset", "password locked"; class 1: "invoice refund", "invoice password"; one
    // unclustered document that must not count. Each class has 4 terms, so A = 8 / 2 = 4; across classes
    // f(password) = 3, f(invoice) = 2, f(reset) = f(locked) = f(refund) = 1.
    private static readonly IReadOnlyList<IReadOnlyList<string>> Documents =
    [
        ["password", "reset"],
        ["password", "locked"],
        ["invoice", "refund"],
        ["invoice", "password"],
        ["noise", "password", "password"],
    ];

    private static readonly int[] Clusters = [0, 0, 1, 1, -1];

    [Fact]
    public void Weights_TwoClassCorpus_MatchHandComputation()
    {
        var weights = ClassTfIdf.Weights(Documents, Clusters, 2);

        Assert.Equal(2.0 / 4 * Math.Log(1 + (4.0 / 3)), weights[0]["password"], Tolerance);
        Assert.Equal(1.0 / 4 * Math.Log(1 + (4.0 / 1)), weights[0]["reset"], Tolerance);
        Assert.Equal(1.0 / 4 * Math.Log(1 + (4.0 / 1)), weights[0]["locked"], Tolerance);
        Assert.Equal(2.0 / 4 * Math.Log(1 + (4.0 / 2)), weights[1]["invoice"], Tolerance);
        Assert.Equal(1.0 / 4 * Math.Log(1 + (4.0 / 3)), weights[1]["password"], Tolerance);
        Assert.False(weights[0].ContainsKey("noise"));
        Assert.False(weights[1].ContainsKey("noise"));
    }

    [Fact]
    public void TopKeywords_TwoClassCorpus_RanksByWeightThenTerm()
    {
        var keywords = ClassTfIdf.TopKeywords(Documents, Clusters, 2, count: 3);

        // 0.4236 (password), then locked and reset tied at 0.4024: ordinal order.
        Assert.Equal(["password", "locked", "reset"], keywords[0].Select(k => k.Term));
        Assert.Equal(["invoice", "refund", "password"], keywords[1].Select(k => k.Term));
        Assert.Equal(2.0 / 4 * Math.Log(3), keywords[1][0].Score, Tolerance);
    }

    [Fact]
    public void TopKeywords_BigramChosen_DropsItsUnigrams()
    {
        IReadOnlyList<IReadOnlyList<string>> documents =
        [
            ["bank", "feed", "bank_feed", "duplicates"],
            ["bank", "feed", "bank_feed", "import"],
            ["card", "declined"],
        ];

        var keywords = ClassTfIdf.TopKeywords(documents, [0, 0, 1], 2);

        Assert.Equal(["bank_feed", "duplicates", "import"], keywords[0].Select(k => k.Term));
        Assert.Equal("bank feed", keywords[0][0].Text);
    }

    [Fact]
    public void TopKeywords_EmptyCluster_HasNoKeywords()
    {
        var keywords = ClassTfIdf.TopKeywords(Documents, Clusters, 3);

        Assert.Empty(keywords[2]);
    }
}
