using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace ChangeOrchestrator.Persistence.Audit;

/// <summary>
/// One audit row as one plain INSERT on PostgreSQL, its id read back. Every audited API call writes one; through
/// EF Core's change tracker and update pipeline that cost several times the statement.
/// </summary>
internal sealed class PostgresAuditInsert
{
    private readonly PostgresRowShape _shape;
    private readonly string[] _properties;
    private readonly string _sql;

    private PostgresAuditInsert(IModel model)
    {
        _shape = PostgresRowShape.Of<AuditRow>(model);
        _properties = [.. _shape.Properties.Where(p => p != nameof(AuditRow.Id))];
        _sql = $"INSERT INTO {_shape.Table} ({string.Join(", ", _properties.Select(_shape.ColumnOf))}) " +
            $"VALUES ({string.Join(", ", _properties.Select((_, i) => "$" + (i + 1)))}) RETURNING {_shape.ColumnOf(nameof(AuditRow.Id))}";
    }

    public static PostgresAuditInsert For(IModel model) => new(model);

    /// <returns>The id the database gave the row.</returns>
    public async Task<long> InsertAsync(NpgsqlConnection connection, AuditRow row, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(_sql, connection);
        foreach (var property in _properties)
        {
            command.Parameters.Add(_shape.ParameterOf(row, property));
        }

        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
