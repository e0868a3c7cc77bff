using KnowledgeLoop.Core.Articles;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>Maps CSV/JSON records onto articles; HTML bodies are reduced to text, a missing title falls back to the first heading.</summary>
internal sealed class ArticleMapper : IRecordMapper<Article>
{
    private readonly RowReader _row;
    private readonly bool _bodyIsHtml;
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private readonly int _id, _title, _body, _url, _updatedAt, _createdAt, _tags, _section;

    public ArticleMapper(RowReader row, bool bodyIsHtml)
    {
        _row = row;
        _bodyIsHtml = bodyIsHtml;
        var spec = row.Spec;
        _id = spec.IndexOf(FieldNames.Id);
        _title = spec.IndexOf(FieldNames.Title);
        _body = spec.IndexOf(FieldNames.Body);
        _url = spec.IndexOf(FieldNames.Url);
        _updatedAt = spec.IndexOf(FieldNames.UpdatedAt);
        _createdAt = spec.IndexOf(FieldNames.CreatedAt);
        _tags = spec.IndexOf(FieldNames.Tags);
        _section = spec.IndexOf(FieldNames.Section);
    }

    public IEnumerable<ImportProblem> CheckColumns(ColumnBinding binding, long line) =>
        TicketMapper.MissingColumns(_row, binding, line, [_id, _body], []);

    public ImportRow<Article> Map(SourceRecord record, ColumnBinding binding)
    {
        if (record.Problem is not null)
        {
            // A record that could not be read cleanly (field count, encoding) is not mapped: its values are unreliable.
            return new ImportRow<Article>(record.Line, null, [record.Problem], record.Raw());
        }

        var row = _row;
        row.Start(record, binding);
        var id = row.Required(_id, "id");
        var body = row.Text(_body);
        var title = row.TrimmedText(_title);
        var format = ArticleFormat.Text;
        if (body is not null)
        {
            if (_bodyIsHtml || HtmlText.LooksLikeHtml(body))
            {
                (body, var heading) = HtmlText.Extract(body);
                title ??= heading;
                format = ArticleFormat.Html;
            }
            else
            {
                format = MarkdownArticles.LooksLikeMarkdown(body) ? ArticleFormat.Markdown : ArticleFormat.Text;
                title ??= MarkdownArticles.FirstHeading(body);
            }
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            row.Problem(row.ColumnName(_body), null, "missing body");
        }

        if (title is null)
        {
            row.Problem(row.ColumnName(_title), null, "missing title (and the body has no heading)");
        }

        var updatedAt = row.Date(_updatedAt);
        var createdAt = row.Date(_createdAt);
        if (id is not null && !row.HasProblems && !_seen.TryAdd(id, record.Line))
        {
            row.Problem(row.ColumnName(_id), id, $"duplicate id: already on line {_seen[id]}");
        }

        if (row.HasProblems)
        {
            return new ImportRow<Article>(record.Line, null, row.Problems, record.Raw());
        }

        return new ImportRow<Article>(record.Line, new Article
        {
            Id = id!,
            Title = title!,
            Body = body!,
            Format = format,
            Url = row.TrimmedText(_url),
            UpdatedAt = updatedAt,
            CreatedAt = createdAt,
            Tags = row.List(_tags),
            Section = row.TrimmedText(_section),
            Attributes = row.Attributes(),
        }, [], null);
    }
}
