using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Audit;

/// <summary>The audit log in table <c>audit_log</c>: rows are inserted and read, nothing here updates or deletes one.</summary>
internal sealed class EfAuditLog(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider time) : IAuditLog
{
    private PostgresAuditInsert? _postgresInsert;

    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var row = AuditRow.From(entry, time.GetUtcNow());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Provider == PersistenceProvider.Postgres)
        {
            var insert = _postgresInsert ??= PostgresAuditInsert.For(db.Model);
            var id = await db.OnNpgsqlConnectionAsync(connection => insert.InsertAsync(connection, row, cancellationToken), cancellationToken);
            return row.ToRecord() with { Id = id };
        }

        db.Set<AuditRow>().Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row.ToRecord();
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, AuditQuery.MaxLimit, nameof(query));

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        IQueryable<AuditRow> rows = db.Set<AuditRow>();
        if (query.After is { } after)
        {
            rows = rows.Where(a => a.Id > after);
        }

        if (query.Actor is { } actor)
        {
            rows = rows.Where(a => a.Actor == actor);
        }

        if (query.Action is { } action)
        {
            if (action.EndsWith('*'))
            {
                var prefix = action[..^1];
                rows = rows.Where(a => a.Action.StartsWith(prefix));
            }
            else
            {
                rows = rows.Where(a => a.Action == action);
            }
        }

        if (query.ObjectType is { } objectType)
        {
            rows = rows.Where(a => a.ObjectType == objectType);
        }

        if (query.ObjectId is { } objectId)
        {
            rows = rows.Where(a => a.ObjectId == objectId);
        }

        if (query.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            rows = rows.Where(a => a.At >= fromUtc);
        }

        if (query.To is { } to)
        {
            var toUtc = to.ToUniversalTime();
            rows = rows.Where(a => a.At < toUtc);
        }

        var page = await rows.OrderBy(a => a.Id).Take(query.Limit).ToListAsync(cancellationToken);
        var items = page.Select(r => r.ToRecord()).ToList();
        return new AuditPage(items, items.Count == query.Limit ? items[^1].Id : null);
    }
}
