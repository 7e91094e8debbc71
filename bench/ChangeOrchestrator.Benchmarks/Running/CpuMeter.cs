using System.Diagnostics;
using System.Globalization;

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>
/// CPU time spent during a measured window, by the bench's own process (engine, client, load generator) and by every
/// PostgreSQL process on the machine (read from <c>/proc</c>; the bench's servers are the only ones while it runs).
/// Per operation, it says where a workflow's cost goes when the two cores are shared.
/// </summary>
internal sealed class CpuMeter
{
    /// <summary>Clock ticks per second of <c>/proc/[pid]/stat</c> times (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    private readonly TimeSpan _process;
    private readonly double? _postgresSeconds;

    private CpuMeter(TimeSpan process, double? postgresSeconds)
    {
        _process = process;
        _postgresSeconds = postgresSeconds;
    }

    public static CpuMeter Start() => new(ProcessCpu(), PostgresSeconds());

    /// <summary>Milliseconds of CPU per operation since <see cref="Start"/>: the bench's process, and PostgreSQL's (null off Linux).</summary>
    public (double Process, double? Postgres) PerOperation(int operations)
    {
        var process = (ProcessCpu() - _process).TotalMilliseconds / operations;
        double? postgres = _postgresSeconds is { } before && PostgresSeconds() is { } after ? (after - before) * 1000 / operations : null;
        return (process, postgres);
    }

    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>User and system time of every process named <c>postgres</c>, in seconds; null where there is no <c>/proc</c>.</summary>
    private static double? PostgresSeconds()
    {
        if (!Directory.Exists("/proc/self"))
        {
            return null;
        }

        double ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(directory, "comm")).Trim() != "postgres")
                {
                    continue;
                }

                // Fields after the command's closing parenthesis: state is the first, utime the 12th, stime the 13th.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended between listing and reading; its time is gone with it.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return ticks / TicksPerSecond;
    }
}
