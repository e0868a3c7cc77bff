using AngleSharp.Html.Parser;
using KnowledgeLoop.Core.Reports;
using KnowledgeLoop.Infrastructure.Reports;
using static KnowledgeLoop.Infrastructure.Tests.Reports.ReportFixtures;

namespace KnowledgeLoop.Infrastructure.Tests.Reports;

/// <summary>report.md and report.html show what a chat model added, escaped, and nothing when it added nothing.</summary>
public sealed class ChatOutputRenderingTests
{
    private static ReportDocument Narrated()
    {
        var report = Full();
        var gaps = report.Gaps!.ToList();
        gaps[0] = gaps[0] with
        {
            AiTitle = "Password resets <b>fail</b>",
            AiSummary = "Reset links expire before customers open them.",
            Outline = new ArticleOutlineDocument { Title = "Reset your password", Audience = "customers", Steps = ["Open the link within 15 minutes", "Ask for a new link"], Needs = ["the link's lifetime"] },
            TypeOpinion = new TypeOpinionDocument { Type = "findability", Agrees = false, Reason = "KB-1 covers it but nobody links it." },
            AiFallbacks = ["review_gap_type: the answer is not JSON (sure)"],
        };
        return report with
        {
            Gaps = gaps,
            Ai = new AiDocument { RemoteAi = true, Embedder = "openai", EmbeddingModel = "text-embedding-3-small", ChatModel = "gpt-4o-mini", VectorStore = "qdrant", Redaction = true },
        };
    }

    [Fact]
    public void Markdown_NarratedGap_ShowsNameOutlineOpinionFallbackAndTheAiLine()
    {
        var md = MarkdownReport.Render(Narrated());

        Assert.Contains("- **Chat model's reading:** Password resets \\<b\\>fail\\</b\\> — Reset links expire before customers open them.", md, StringComparison.Ordinal);
        Assert.Contains("- **Draft article:** Reset your password (for customers)\n  1. Open the link within 15 minutes\n  2. Ask for a new link\n", md, StringComparison.Ordinal);
        Assert.Contains("- **Second opinion on the type:** findability (disagrees)", md, StringComparison.Ordinal);
        Assert.Contains("fell back to the extractive labels:** review\\_gap\\_type", md, StringComparison.Ordinal);
        Assert.Contains("AI: embedder text-embedding-3-small · chat model gpt-4o-mini · vector store qdrant · redaction on · ticket text was sent to a remote endpoint", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_NarratedGap_ShowsTheOutlineAsAListAndEscapesTheModelsText()
    {
        var document = new HtmlParser().ParseDocument(HtmlReport.Render(Narrated()));

        var gap = document.QuerySelector("#gap-1")!;
        Assert.Equal(["Open the link within 15 minutes", "Ask for a new link"], gap.QuerySelectorAll("dd ol li").Select(li => li.TextContent));
        Assert.Contains("Password resets <b>fail</b>", gap.TextContent, StringComparison.Ordinal);
        Assert.Empty(gap.QuerySelectorAll("dd b"));
        Assert.Contains("disagrees", gap.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Renderers_NoChatOutputs_WriteWhatTheyWroteBefore()
    {
        var local = Full() with { Ai = new AiDocument { RemoteAi = false, Embedder = "local", VectorStore = "embedded", Redaction = false } };

        Assert.Equal(MarkdownReport.Render(Full()), MarkdownReport.Render(local));
        Assert.DoesNotContain("Chat model", HtmlReport.Render(local), StringComparison.Ordinal);
    }
}
