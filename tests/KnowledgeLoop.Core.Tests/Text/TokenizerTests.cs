using KnowledgeLoop.Core.Text;

namespace KnowledgeLoop.Core.Tests.Text;

public class TokenizerTests
{
    [Fact]
    public void Tokens_StopWordsShortTokensAndMasks_AreDropped()
    {
        var tokens = Tokenizer.Default.Tokens("I can't log in to the Portal: error 401 (see [email] and [number]) x");

        Assert.Equal(["log", "portal", "error", "401", "see"], tokens);
    }

    [Fact]
    public void Tokens_DigitsAndMixedTokens_AreKept()
    {
        Assert.Equal(["enabl", "2fa", "csv", "export"], Tokenizer.Default.Tokens("Enable 2FA; CSV export"));
    }

    [Theory]
    [InlineData("passwords", "password")]
    [InlineData("invoices", "invoic")]
    [InlineData("charged", "charg")]
    [InlineData("charging", "charg")]
    [InlineData("charge", "charg")]
    [InlineData("logging", "log")]
    [InlineData("logged", "log")]
    [InlineData("failed", "fail")]
    [InlineData("policies", "policy")]
    [InlineData("status", "status")]
    [InlineData("analysis", "analysis")]
    [InlineData("access", "access")]
    [InlineData("hoping", "hope")]
    [InlineData("currently", "current")]
    [InlineData("family", "family")]
    [InlineData("supply", "supply")]
    [InlineData("agreed", "agre")]
    [InlineData("agree", "agre")]
    [InlineData("syncing", "sync")]
    public void Stem_Examples_AreConservative(string word, string stem)
    {
        Assert.Equal(stem, Stemmer.Stem(word));
    }

    [Fact]
    public void Terms_Bigrams_JoinAdjacentKeptTokens()
    {
        var terms = Tokenizer.Default.Terms("Reset the password link");

        Assert.Equal(["reset", "password", "link", "reset_password", "password_link"], terms);
    }

    [Fact]
    public void Terms_WithoutBigrams_AreTheTokens()
    {
        Assert.Equal(["reset", "password"], Tokenizer.Default.Terms("Reset password", bigrams: false));
    }

    [Fact]
    public void Tokens_NonAscii_IsLowercasedNotStemmed()
    {
        Assert.Equal(["größen", "zählers"], new Tokenizer(stem: true).Tokens("GRÖSSEN Größen ZÄHLERS").Skip(1));
    }

    [Fact]
    public void Tokens_RepeatedCalls_GiveTheSameResult()
    {
        var tokenizer = new Tokenizer();

        Assert.Equal(tokenizer.Tokens("Syncing calendars failed"), tokenizer.Tokens("Syncing calendars failed"));
    }
}
