using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>
/// Writes an append's part on PostgreSQL as one batch of set statements in the append's transaction: an insert or an
/// update per table, each column one array parameter. Through EF Core's change tracker a 10,000-server scan was an
/// entity entry, a snapshot and a parameter per column for every scan, server and finding row.
/// </summary>
internal sealed class PostgresComplianceRows
{
    private readonly PostgresRowShape _scans;
    private readonly PostgresRowShape _servers;
    private readonly PostgresRowShape _findings;

    private PostgresComplianceRows(IModel model)
    {
        _scans = PostgresRowShape.Of<ComplianceScanRow>(model);
        _servers = PostgresRowShape.Of<ComplianceServerRow>(model);
        _findings = PostgresRowShape.Of<ComplianceFindingRow>(model);
    }

    public static PostgresComplianceRows For(IModel model) => new(model);

    public async Task WriteAsync(WorkflowDbContext db, ComplianceAppendPlan plan, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        Add(batch, plan.Scans, _scans.InsertColumns);
        Add(batch, plan.NewServers, _servers.InsertColumns);
        Add(batch, plan.ChangedServers, rows => _servers.UpdateColumns(rows, nameof(ComplianceServerRow.ServerId)));
        Add(batch, plan.NewFindings, _findings.InsertColumns);
        Add(batch, plan.ChangedFindings, rows => _findings.UpdateColumns(rows, nameof(ComplianceFindingRow.Id)));
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void Add<TRow>(NpgsqlBatch batch, List<TRow> rows, Func<IReadOnlyList<TRow>, NpgsqlBatchCommand> statement)
    {
        if (rows.Count > 0)
        {
            batch.BatchCommands.Add(statement(rows));
        }
    }
}
