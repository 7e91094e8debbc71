using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Instances;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace ChangeOrchestrator.Persistence.Leases;

/// <summary>
/// The lease's conditional UPDATE as one plain statement on PostgreSQL. Every resume takes a lease first; through
/// EF Core's <c>ExecuteUpdate</c> each take was translated again, which cost more CPU than the statement itself.
/// </summary>
internal sealed class PostgresLeaseTake
{
    private readonly string _sql;

    private PostgresLeaseTake(IModel model)
    {
        var instances = PostgresRowShape.Of<InstanceRow>(model);
        var id = instances.ColumnOf(nameof(InstanceRow.Id));
        var owner = instances.ColumnOf(nameof(InstanceRow.LeaseOwner));
        var expires = instances.ColumnOf(nameof(InstanceRow.LeaseExpiresAt));
        _sql = $"UPDATE {instances.Table} SET {owner} = $1, {expires} = $2 " +
            $"WHERE {id} = $3 AND ({owner} IS NULL OR {owner} = $1 OR {expires} IS NULL OR {expires} <= $4)";
    }

    public static PostgresLeaseTake For(IModel model) => new(model);

    /// <returns>Whether the lease is now the owner's: free, expired or already its own.</returns>
    public async Task<bool> TryAsync(
        NpgsqlConnection connection, string instanceId, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command(instanceId, owner, now, until));
        return await batch.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The take as a statement of a batch; it affects one row when the lease is taken.</summary>
    public NpgsqlBatchCommand Command(string instanceId, string owner, DateTimeOffset now, DateTimeOffset until)
    {
        var command = new NpgsqlBatchCommand(_sql);
        command.Parameters.Add(new NpgsqlParameter { Value = owner, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = until.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = instanceId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return command;
    }
}
