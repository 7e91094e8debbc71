using System.Diagnostics;

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>
/// CPU time spent during a measured window, by the bench's own process (engine, client, load generator) and by one
/// PostgreSQL server (<see cref="PostgresCpu"/>): where an operation's cost goes when the two cores are shared.
/// </summary>
internal sealed class CpuMeter
{
    private readonly TimeSpan _process;
    private readonly int? _postmaster;
    private readonly double? _postgresSeconds;

    private CpuMeter(int? postmaster)
    {
        _process = ProcessCpu();
        _postmaster = postmaster;
        _postgresSeconds = PostgresSeconds();
    }

    /// <summary>Starts measuring; <paramref name="postmaster"/> is the server to count, or null for the process alone.</summary>
    public static CpuMeter Start(int? postmaster) => new(postmaster);

    /// <summary>Seconds of CPU since <see cref="Start"/>: the bench's process, and the PostgreSQL server's (null without one).</summary>
    public (double Process, double? Postgres) Used()
    {
        var process = (ProcessCpu() - _process).TotalSeconds;
        double? postgres = _postgresSeconds is { } before && PostgresSeconds() is { } after ? after - before : null;
        return (process, postgres);
    }

    /// <summary>Milliseconds of CPU per operation since <see cref="Start"/>, as <see cref="Used"/> splits them.</summary>
    public (double Process, double? Postgres) PerOperation(int operations)
    {
        var (process, postgres) = Used();
        return (process * 1000 / operations, postgres * 1000 / operations);
    }

    private double? PostgresSeconds() => _postmaster is { } postmaster ? PostgresCpu.Seconds(postmaster) : null;

    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
