using KnowledgeLoop.Core.Sessions;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>Maps source records onto self-service sessions.</summary>
internal sealed class SessionMapper : IRecordMapper<SelfServiceSession>
{
    private readonly StringPool _pool = new();
    private readonly RowReader _row;
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private readonly int _id, _customerId, _startedAt, _query, _viewed, _channel;

    public SessionMapper(RowReader row)
    {
        _row = row;
        var spec = row.Spec;
        _id = spec.IndexOf(FieldNames.Id);
        _customerId = spec.IndexOf(FieldNames.CustomerId);
        _startedAt = spec.IndexOf(FieldNames.StartedAt);
        _query = spec.IndexOf(FieldNames.Query);
        _viewed = spec.IndexOf(FieldNames.ViewedArticleIds);
        _channel = spec.IndexOf(FieldNames.Channel);
    }

    public IEnumerable<ImportProblem> CheckColumns(ColumnBinding binding, long line) =>
        TicketMapper.MissingColumns(_row, binding, line, [_id, _customerId, _startedAt], []);

    public ImportRow<SelfServiceSession> Map(SourceRecord record, ColumnBinding binding)
    {
        if (record.Problem is not null)
        {
            // A record that could not be read cleanly (field count, encoding) is not mapped: its values are unreliable.
            return new ImportRow<SelfServiceSession>(record.Line, null, [record.Problem], record.Raw());
        }

        var row = _row;
        row.Start(record, binding);
        var id = row.Required(_id, "id");
        var customerId = row.Required(_customerId, "customer_id");
        var startedAt = row.Date(_startedAt, required: true);
        if (id is not null && !row.HasProblems && !_seen.TryAdd(id, record.Line))
        {
            row.Problem(row.ColumnName(_id), id, $"duplicate id: already on line {_seen[id]}");
        }

        if (row.HasProblems)
        {
            return new ImportRow<SelfServiceSession>(record.Line, null, row.Problems, record.Raw());
        }

        return new ImportRow<SelfServiceSession>(record.Line, new SelfServiceSession
        {
            Id = id!,
            CustomerId = _pool.Get(customerId)!,
            StartedAt = startedAt!.Value,
            Query = row.Text(_query),
            ViewedArticleIds = row.List(_viewed),
            Channel = _pool.Get(row.TrimmedText(_channel)),
            Attributes = row.Attributes(),
        }, [], null);
    }
}
