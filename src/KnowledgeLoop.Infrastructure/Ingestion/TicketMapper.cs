using KnowledgeLoop.Core.Tickets;

namespace KnowledgeLoop.Infrastructure.Ingestion;

/// <summary>Maps source records onto tickets: required fields, typed values, attributes, duplicate ids within the file.</summary>
internal sealed class TicketMapper : IRecordMapper<Ticket>
{
    private readonly StringPool _pool = new();
    private readonly RowReader _row;
    private readonly Dictionary<string, long> _seen = new(StringComparer.Ordinal);
    private readonly Func<Ticket, RowReader, Ticket>? _enrich;
    private readonly int _id, _createdAt, _customerId, _subject, _description, _resolvedAt, _status, _channel, _category, _product,
        _priority, _group, _agent, _resolution, _reopenCount, _escalated, _escalationLevel, _groupTransfers, _replies, _linked, _csat, _resolvedBy;

    public TicketMapper(RowReader row, Func<Ticket, RowReader, Ticket>? enrich = null)
    {
        _row = row;
        _enrich = enrich;
        var spec = row.Spec;
        _id = spec.IndexOf(FieldNames.Id);
        _createdAt = spec.IndexOf(FieldNames.CreatedAt);
        _customerId = spec.IndexOf(FieldNames.CustomerId);
        _subject = spec.IndexOf(FieldNames.Subject);
        _description = spec.IndexOf(FieldNames.Description);
        _resolvedAt = spec.IndexOf(FieldNames.ResolvedAt);
        _status = spec.IndexOf(FieldNames.Status);
        _channel = spec.IndexOf(FieldNames.Channel);
        _category = spec.IndexOf(FieldNames.Category);
        _product = spec.IndexOf(FieldNames.Product);
        _priority = spec.IndexOf(FieldNames.Priority);
        _group = spec.IndexOf(FieldNames.Group);
        _agent = spec.IndexOf(FieldNames.Agent);
        _resolution = spec.IndexOf(FieldNames.Resolution);
        _reopenCount = spec.IndexOf(FieldNames.ReopenCount);
        _escalated = spec.IndexOf(FieldNames.Escalated);
        _escalationLevel = spec.IndexOf(FieldNames.EscalationLevel);
        _groupTransfers = spec.IndexOf(FieldNames.GroupTransfers);
        _replies = spec.IndexOf(FieldNames.Replies);
        _linked = spec.IndexOf(FieldNames.LinkedArticleIds);
        _csat = spec.IndexOf(FieldNames.Csat);
        _resolvedBy = spec.IndexOf(FieldNames.ResolvedBy);
    }

    /// <summary>Required columns missing from a CSV header: problems with the file (line 1).</summary>
    public IEnumerable<ImportProblem> CheckColumns(ColumnBinding binding, long line) =>
        MissingColumns(_row, binding, line, [_id, _createdAt, _customerId], [_subject, _description]);

    /// <summary>Problems for required fields that no column of the header can fill.</summary>
    public static IEnumerable<ImportProblem> MissingColumns(RowReader row, ColumnBinding binding, long line, int[] required, int[] oneOf)
    {
        foreach (var field in required)
        {
            if (binding.Columns[field].Length == 0)
            {
                yield return new ImportProblem(row.File, line, row.Spec.Display[field].FirstOrDefault() ?? row.Spec.Fields[field], null,
                    $"missing required column '{row.Spec.Fields[field]}' (looked for: {Looked(row.Spec, field)})");
            }
        }

        if (oneOf.Length > 0 && Array.TrueForAll(oneOf, f => binding.Columns[f].Length == 0))
        {
            var names = string.Join(" or ", oneOf.Select(f => row.Spec.Fields[f]));
            yield return new ImportProblem(row.File, line, null, null,
                $"missing required column: one of {names} (looked for: {string.Join(", ", oneOf.Select(f => Looked(row.Spec, f)))})");
        }
    }

    public ImportRow<Ticket> Map(SourceRecord record, ColumnBinding binding)
    {
        if (record.Problem is not null)
        {
            // A record that could not be read cleanly (field count, encoding) is not mapped: its values are unreliable.
            return new ImportRow<Ticket>(record.Line, null, [record.Problem], record.Raw());
        }

        var row = _row;
        row.Start(record, binding);
        var id = row.Required(_id, "id");
        var createdAt = row.Date(_createdAt, required: true);
        var customerId = row.Required(_customerId, "customer_id");
        var subject = row.TrimmedText(_subject);
        var description = row.Text(_description);
        if (subject is null && description is null)
        {
            row.Problem(row.ColumnName(_subject), null, "missing subject and description: a ticket needs one of them");
        }

        var resolvedAt = row.Date(_resolvedAt);
        var reopenCount = row.Count(_reopenCount);
        var escalated = row.Bool(_escalated);
        var level = row.Level(_escalationLevel);
        var transfers = row.Count(_groupTransfers);
        var replies = row.Count(_replies);
        var csat = row.Csat(_csat);
        var resolvedBy = row.ResolvedBy(_resolvedBy);

        if (id is not null && !row.HasProblems)
        {
            if (_seen.TryGetValue(id, out var first))
            {
                row.Problem(row.ColumnName(_id), id, $"duplicate id: already on line {first}");
            }
            else
            {
                _seen.Add(id, record.Line);
            }
        }

        if (row.HasProblems)
        {
            return new ImportRow<Ticket>(record.Line, null, row.Problems, record.Raw());
        }

        var ticket = new Ticket
        {
            Id = id!,
            CreatedAt = createdAt!.Value,
            CustomerId = _pool.Get(customerId)!,
            Subject = subject,
            Description = description,
            ResolvedAt = resolvedAt,
            Status = _pool.Get(row.TrimmedText(_status)),
            Channel = _pool.Get(row.TrimmedText(_channel)),
            Category = _pool.Get(row.TrimmedText(_category)),
            Product = _pool.Get(row.TrimmedText(_product)),
            Priority = _pool.Get(row.TrimmedText(_priority)),
            Group = _pool.Get(row.TrimmedText(_group)),
            Agent = _pool.Get(row.TrimmedText(_agent)),
            Resolution = row.Text(_resolution),
            ReopenCount = reopenCount ?? 0,
            Escalated = escalated ?? (level > 0 || transfers > 0),
            EscalationLevel = level,
            GroupTransfers = transfers,
            Replies = replies,
            LinkedArticleIds = row.List(_linked),
            Csat = csat,
            ResolvedBy = resolvedBy,
            Attributes = row.Attributes(),
        };

        if (_enrich is not null)
        {
            ticket = _enrich(ticket, row);
            if (row.HasProblems)
            {
                return new ImportRow<Ticket>(record.Line, null, row.Problems, record.Raw());
            }
        }

        return new ImportRow<Ticket>(record.Line, ticket, [], null);
    }

    private static string Looked(FieldSpec spec, int field) => spec.Display[field].Length == 0 ? "no column in this preset" : string.Join(", ", spec.Display[field]);
}
