using Npgsql;

namespace ChangeOrchestrator.Benchmarks.Compliance;

/// <summary>
/// Turns one night of history, written by the real store, into many: copies of its scan rows for each earlier night,
/// copies of its open findings as findings remediated earlier (one per ten days), and copies of its daily rollups.
/// INSERT ... SELECT with the column lists read from the migrated schema, so 900,000 scans take a minute, not hours.
/// </summary>
internal static class ComplianceSeeder
{
    public static async Task CopyNightsAsync(NpgsqlConnection connection, string templateInstance, int nights, CancellationToken cancellationToken)
    {
        var columns = await ColumnsAsync(connection, "compliance_scans", cancellationToken);
        var select = columns.Select(c => c switch
        {
            "workflow_instance_id" => "'seed-' || k",
            "scanned_at" => "scanned_at - k * interval '1 day'",
            _ => c,
        });
        await ExecuteAsync(connection,
            $"INSERT INTO compliance_scans ({string.Join(", ", columns)}) SELECT {string.Join(", ", select)} FROM compliance_scans CROSS JOIN generate_series(1, {nights}) AS k WHERE workflow_instance_id = @template",
            cancellationToken, ("template", templateInstance));

        var findings = await ColumnsAsync(connection, "compliance_findings", cancellationToken);
        var remediated = findings.Select(c => c switch
        {
            "first_seen_at" => "first_seen_at - (k * 10 + 8) * interval '1 day'",
            "last_seen_at" => "first_seen_at - (k * 10 + 2) * interval '1 day'",
            "remediated_at" => "first_seen_at - (k * 10 + 1) * interval '1 day'",
            "clock_start_ticks" => "clock_start_ticks - (k * 10 + 8) * 864000000000",
            "remediation_ticks" => "greatest(0, (extract(epoch FROM first_seen_at) * 10000000)::bigint + 621355968000000000 - (k * 10 + 1) * 864000000000 - (clock_start_ticks - (k * 10 + 8) * 864000000000))",
            _ => c,
        });
        await ExecuteAsync(connection,
            $"INSERT INTO compliance_findings ({string.Join(", ", findings)}) SELECT {string.Join(", ", remediated)} FROM compliance_findings CROSS JOIN generate_series(1, {nights / 10}) AS k WHERE remediated_at IS NULL",
            cancellationToken);

        var daily = await ColumnsAsync(connection, "compliance_daily", cancellationToken);
        var days = daily.Select(c => c == "day" ? "day - k" : c);
        await ExecuteAsync(connection,
            $"INSERT INTO compliance_daily ({string.Join(", ", daily)}) SELECT {string.Join(", ", days)} FROM compliance_daily CROSS JOIN generate_series(1, {nights}) AS k",
            cancellationToken);
        await ExecuteAsync(connection, "VACUUM ANALYZE compliance_scans, compliance_findings, compliance_daily, compliance_servers, change_results", cancellationToken);
    }

    /// <summary>Bytes of each compliance table with its indexes and TOAST (pg_total_relation_size).</summary>
    public static async Task<Dictionary<string, long>> SizesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in new[] { "compliance_scans", "compliance_findings", "compliance_servers", "compliance_daily", "change_results" })
        {
            await using var command = new NpgsqlCommand($"SELECT pg_total_relation_size('{table}')", connection);
            sizes[table] = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return sizes;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_name = @table AND is_identity = 'NO' AND coalesce(column_default, '') NOT LIKE 'nextval%' ORDER BY ordinal_position",
            connection);
        command.Parameters.AddWithValue("table", table);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
