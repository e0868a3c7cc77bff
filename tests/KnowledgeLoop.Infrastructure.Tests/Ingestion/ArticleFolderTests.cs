using KnowledgeLoop.Core.Articles;
using KnowledgeLoop.Infrastructure.Tests.Storage;
using static KnowledgeLoop.Infrastructure.Tests.Ingestion.Ingest;

namespace KnowledgeLoop.Infrastructure.Tests.Ingestion;

public sealed class ArticleFolderTests
{
    [Fact]
    public async Task ReadArticles_Folder_ReadsFrontMatterHeadingsAndHtml()
    {
        var rows = await ArticlesAsync(Fixture("articles-folder"));

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.True(r.IsValid, string.Join("; ", r.Problems)));
        var byId = rows.Select(r => r.Entity!).ToDictionary(a => a.Id);

        var vpn = byId["kb-vpn-001"];
        Assert.Equal("Set up the VPN client", vpn.Title);
        Assert.Equal(["network", "vpn"], vpn.Tags);
        Assert.Equal(ArticleFormat.Markdown, vpn.Format);
        Assert.StartsWith("Some intro text", vpn.Body, StringComparison.Ordinal);

        var reset = byId["reset-password"];
        Assert.Equal("Reset your password", reset.Title);
        Assert.Equal(Utc(2026, 4, 1, 9, 30), reset.UpdatedAt);
        Assert.Equal(Utc(2025, 11, 2), reset.CreatedAt);
        Assert.Equal(["account", "security"], reset.Tags);
        Assert.Equal("https://help.example.com/reset", reset.Url);
        Assert.Equal("Account", reset.Section);
        Assert.Equal("everyone", reset.Attributes["audience"]);
        Assert.Equal("# Reset your password\n\n1. Open **Settings**.\n2. Click *Reset password*.", reset.Body);

        var invoices = byId["invoices"];
        Assert.Equal(ArticleFormat.Html, invoices.Format);
        Assert.Equal("Understanding your invoice", invoices.Title);
        Assert.Equal("# Understanding your invoice\n\nEvery invoice lists VAT per line.\n\n- Net amount\n- VAT rate", invoices.Body);
        Assert.DoesNotContain("secret", invoices.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("track", invoices.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadArticles_FolderWithBadDateAndDuplicateId_ReportsFileAndLine()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("a.md"), "---\ntitle: A\nupdated_at: last tuesday\n---\nBody\n");
        await File.WriteAllTextAsync(folder.File("b.md"), "---\nid: same\n---\n# B\nBody\n");
        await File.WriteAllTextAsync(folder.File("c.md"), "---\nid: same\n---\n# C\nBody\n");
        await File.WriteAllTextAsync(folder.File("d.md"), "no heading and no front matter\n");

        var rows = await ArticlesAsync(folder.Path);

        Assert.Equal(4, rows.Count);
        var bad = Assert.Single(rows[0].Problems);
        Assert.Equal(folder.File("a.md"), bad.File);
        Assert.Equal(3, bad.Line);
        Assert.Equal("updated_at", bad.Column);
        Assert.Equal("last tuesday", bad.Value);
        Assert.True(rows[1].IsValid);
        var duplicate = Assert.Single(rows[2].Problems);
        Assert.Contains("duplicate id", duplicate.Reason, StringComparison.Ordinal);
        Assert.Contains("b.md", duplicate.Reason, StringComparison.Ordinal);
        Assert.Contains("missing title", Assert.Single(rows[3].Problems).Reason, StringComparison.Ordinal);
    }
}
