using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace ChangeOrchestrator.Persistence.Instances;

/// <summary>
/// How the rows of one entity type are written on PostgreSQL, read from the EF Core model (table, column names and
/// value conversions), so plain statements stay in step with the schema the migrations create.
/// </summary>
internal sealed class PostgresRowShape
{
    private readonly Column[] _columns;
    private readonly Dictionary<string, Column> _byProperty;

    private PostgresRowShape(string table, Column[] columns)
    {
        Table = table;
        _columns = columns;
        _byProperty = columns.ToDictionary(c => c.Property, StringComparer.Ordinal);
    }

    /// <summary>The quoted, schema-qualified table name.</summary>
    public string Table { get; }

    /// <exception cref="InvalidOperationException">The type is not in the model, or has a property that is not a CLR property.</exception>
    public static PostgresRowShape Of<TRow>(IModel model)
        where TRow : class
    {
        var entity = model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => Column.Of<TRow>(p, table)).ToArray();
        return new PostgresRowShape(Quote(entity.GetSchema(), entity.GetTableName()!), columns);
    }

    /// <summary>The entity's properties that have a column, in the model's order.</summary>
    public IEnumerable<string> Properties => _columns.Select(c => c.Property);

    public string ColumnOf(string property) => _byProperty[property].Name;

    public NpgsqlParameter ParameterOf(object row, string property) => _byProperty[property].Parameter(row);

    /// <summary>One INSERT of all the rows, as a single multi-row VALUES list.</summary>
    public NpgsqlBatchCommand Insert<TRow>(IReadOnlyList<TRow> rows)
        where TRow : class
    {
        var sql = new StringBuilder("INSERT INTO ").Append(Table).Append(" (")
            .AppendJoin(", ", _columns.Select(c => c.Name)).Append(") VALUES ");
        var command = new NpgsqlBatchCommand();
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < _columns.Length; c++)
            {
                command.Parameters.Add(_columns[c].Parameter(rows[r]));
                sql.Append(c == 0 ? "$" : ", $").Append(command.Parameters.Count);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    public static string Quote(string? schema, string name) =>
        schema is null ? Quote(name) : $"{Quote(schema)}.{Quote(name)}";

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Column(string Property, string Name, Func<object, object?> Read, NpgsqlDbType? Type)
    {
        public static Column Of<TRow>(IProperty property, StoreObjectIdentifier table)
        {
            var info = property.PropertyInfo ?? throw new InvalidOperationException(
                $"{typeof(TRow).Name}.{property.Name} has no CLR property; the row cannot be written without EF Core.");
            var row = Expression.Parameter(typeof(object), "row");
            var getter = Expression.Lambda<Func<object, object?>>(
                Expression.Convert(Expression.Property(Expression.Convert(row, typeof(TRow)), info), typeof(object)), row).Compile();
            var converter = property.GetTypeMapping().Converter;
            Func<object, object?> read = converter is null
                ? getter
                : entity => getter(entity) is { } value ? converter.ConvertToProvider(value) : null;
            var providerType = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? property.ClrType) ?? converter?.ProviderClrType ?? property.ClrType;
            return new Column(property.Name, Quote(property.GetColumnName(table)!), read, TypeOf(providerType));
        }

        public NpgsqlParameter Parameter(object row)
        {
            var parameter = new NpgsqlParameter { Value = Read(row) ?? DBNull.Value };
            if (Type is { } type)
            {
                // Typed even when null, so the server never has to guess a column's type from an untyped null.
                parameter.NpgsqlDbType = type;
            }

            return parameter;
        }

        private static NpgsqlDbType? TypeOf(Type type) =>
            type == typeof(string) ? NpgsqlDbType.Text
            : type == typeof(long) ? NpgsqlDbType.Bigint
            : type == typeof(int) ? NpgsqlDbType.Integer
            : type == typeof(bool) ? NpgsqlDbType.Boolean
            : type == typeof(DateTimeOffset) ? NpgsqlDbType.TimestampTz
            : null;
    }
}
