using Npgsql;

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>
/// CPU seconds used by one PostgreSQL server: its postmaster and every process it forked (backends, WAL writer,
/// checkpointer, autovacuum), read from /proc. Other clusters on the machine are left out.
/// </summary>
internal static class PostgresCpu
{
    /// <summary>The postmaster of the server <paramref name="connectionString"/> names; null off Linux.</summary>
    public static async Task<int?> PostmasterAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return await PostmasterAsync(connection, cancellationToken);
    }

    public static async Task<int?> PostmasterAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return Stat(backend) is { } stat ? stat.Parent : null;
    }

    public static double Seconds(int postmaster)
    {
        var ticks = 0L;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Stat(pid) is { } stat && (pid == postmaster || stat.Parent == postmaster))
            {
                ticks += stat.Ticks;
            }
        }

        // USER_HZ is 100 on Linux.
        return ticks / 100.0;
    }

    private static (int Parent, long Ticks)? Stat(int pid)
    {
        try
        {
            var stat = ProcStat.Parse(File.ReadAllText($"/proc/{pid}/stat"));
            return (stat.ParentId, stat.CpuTicks);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
