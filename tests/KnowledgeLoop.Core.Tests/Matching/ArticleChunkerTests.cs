using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Core.Matching;
using KnowledgeLoop.Core.Vectors;

namespace KnowledgeLoop.Core.Tests.Matching;

public sealed class ArticleChunkerTests
{
    private static string Words(string word, int count) => string.Join(' ', Enumerable.Repeat(word, count));

    private static Article Markdown(string body) => new() { Id = "KB-1", Title = "Reconnect your bank feed", Body = body, Format = ArticleFormat.Markdown };

    [Fact]
    public void Chunk_SplitsByHeading_AndPrefixesTheTitle()
    {
        var article = Markdown($"# Reconnect your bank feed\n\n{Words("intro", 50)}\n\n## Steps\n\n{Words("step", 60)}\n\n## Troubleshooting\n\n{Words("error", 45)}\n");

        var chunks = new ArticleChunker().Chunk(article);

        Assert.Equal(["Reconnect your bank feed", "Steps", "Troubleshooting"], chunks.Select(c => c.Heading));
        Assert.Equal([50, 60, 45], chunks.Select(c => c.Words));
        Assert.All(chunks, c => Assert.StartsWith("Reconnect your bank feed", c.Text, StringComparison.Ordinal));
        Assert.Equal($"Reconnect your bank feed\nSteps\n{Words("step", 60)}", chunks[1].Text);
        Assert.Equal([0, 1, 2], chunks.Select(c => c.Index));
    }

    [Fact]
    public void Chunk_LongSection_SplitsAtParagraphsNearTheTarget()
    {
        var paragraphs = string.Join("\n\n", Enumerable.Range(0, 8).Select(i => Words("p" + i, 100)));
        var article = Markdown($"## Details\n\n{paragraphs}\n");

        var chunks = new ArticleChunker { TargetWords = 300 }.Chunk(article);

        Assert.Equal([300, 300, 200], chunks.Select(c => c.Words));
        Assert.All(chunks, c => Assert.Equal("Details", c.Heading));
    }

    [Fact]
    public void Chunk_ShortSectionsJoinTheNext_AndLinkListsAreDropped()
    {
        var article = Markdown($"## Before you start\n\nHave your login ready.\n\n## Steps\n\n{Words("step", 80)}\n\n## Related articles\n\n- [Other article](kb-2.md)\n- [Third](kb-3.md)\n");

        var chunks = new ArticleChunker().Chunk(article);

        var chunk = Assert.Single(chunks);
        Assert.Equal("Before you start / Steps", chunk.Heading);
        Assert.Equal(4 + 80, chunk.Words);
        Assert.DoesNotContain("Other article", chunk.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Chunk_EmptyBody_GivesOneTitleChunk()
    {
        var chunk = Assert.Single(new ArticleChunker().Chunk(Markdown(string.Empty)));

        Assert.Equal("Reconnect your bank feed", chunk.Text);
        Assert.Equal(0, chunk.Words);
    }

    [Fact]
    public void Matcher_ArticleSimilarityIsItsBestChunk_AndTopIsOrdered()
    {
        ArticleChunk C(string article, int index) => new(article, index, "h", "t", 1);
        var chunks = new[] { C("A", 0), C("A", 1), C("B", 0), C("C", 0) };
        var vectors = new VectorMatrix([1, 0, 0, /**/ 0, 1, 0, /**/ 0.6f, 0.8f, 0, /**/ 0, 0, 1], 4, 3);
        var matcher = new ArticleMatcher(chunks, vectors);

        var top = matcher.Top([0f, 2f, 0f], 2); // not unit length: the matcher normalizes queries

        Assert.Equal(["A", "B"], top.Select(m => m.ArticleId));
        Assert.Equal(1.0, top[0].Similarity, 6);
        Assert.Equal(1, top[0].ChunkIndex);
        Assert.Equal(0.8, top[1].Similarity, 6);
        Assert.Equal(1.0, matcher.Best([0f, 1f, 0f]), 6);
        Assert.Equal(0.0, matcher.ArticleSimilarity("A", "C"), 6);
        Assert.Equal((0.6 + 0.8) / Math.Sqrt(2), matcher.ArticleSimilarity("A", "B"), 5);
    }
}
