using KnowledgeLoop.Core.Labels;

namespace KnowledgeLoop.Core.Tests.Labels;

public class ClusterTitleTests
{
    private static ClusterKeyword[] Keywords(params string[] terms) =>
        [.. terms.Select((term, i) => new ClusterKeyword(term, 1.0 - (i / 10.0)))];

    [Fact]
    public void From_OverlappingBigrams_ChainIntoOnePhrase()
    {
        Assert.Equal("Bank feed duplicates · import", ClusterTitle.From(Keywords("bank_feed", "feed_duplicates", "import", "bank")));
    }

    [Fact]
    public void From_Unigrams_StopsAtFourWordsAndThreeParts()
    {
        Assert.Equal("Password reset · locked · account", ClusterTitle.From(Keywords("password_reset", "locked", "account", "email", "login")));
        Assert.Equal("Refund · invoice · vat", ClusterTitle.From(Keywords("refund", "invoice", "vat", "credit")));
    }

    [Fact]
    public void From_RepeatedWords_AreSkipped()
    {
        Assert.Equal("Sso login · okta", ClusterTitle.From(Keywords("sso_login", "login", "okta")));
    }

    [Fact]
    public void From_NoKeywords_IsUnlabelled()
    {
        Assert.Equal("Unlabelled", ClusterTitle.From([]));
    }
}
