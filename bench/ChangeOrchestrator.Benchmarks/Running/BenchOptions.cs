using System.Globalization;

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>The command line: <c>[--quick] [--out DIR] [--postgres CONNECTION] [--postgres-durable CONNECTION] [--only a,b] [--repetitions N] [--fleet-sizes 1000,10000,50000,10000@100] [--bdn]</c>.</summary>
internal sealed record BenchOptions
{
    public const string PostgresVariable = "CHANGEORCHESTRATOR_BENCH_POSTGRES";

    public const string DurablePostgresVariable = "CHANGEORCHESTRATOR_BENCH_POSTGRES_DURABLE";

    public const string Usage =
        "usage: ChangeOrchestrator.Benchmarks [--quick] [--out DIR] [--postgres CONNECTION] [--postgres-durable CONNECTION] [--only throughput,resume,events,expressions,history,webhooks,fleet,console,compliance,designer] [--repetitions N] [--fleet-sizes 1000,10000,50000,10000@100] [--bdn]";

    /// <summary>The most Prod servers a fleet run can have: the simulator generates at most 120,000 servers, 45% of them Prod.</summary>
    public const int MaxFleetTargets = 54_000;

    public bool Quick { get; init; }

    public string OutputFolder { get; init; } = Path.Combine("bench", "results");

    /// <summary>A server connection string; each run creates and drops databases of its own on it.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>
    /// A second server, run with durable commits (fsync, synchronous_commit, full_page_writes on); with it, every
    /// PostgreSQL scenario runs on both servers and reports both.
    /// </summary>
    public string? DurablePostgresConnectionString { get; init; }

    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>Runs the BenchmarkDotNet micro-benchmarks instead of the scenarios.</summary>
    public bool BenchmarkDotNet { get; init; }

    public required BenchSizes Sizes { get; init; }

    public bool Includes(string scenario) => Only.Count == 0 || Only.Contains(scenario, StringComparer.OrdinalIgnoreCase);

    /// <exception cref="ArgumentException">An unknown or incomplete argument.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var quick = false;
        var bdn = false;
        string? output = null;
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        var durable = Environment.GetEnvironmentVariable(DurablePostgresVariable);
        IReadOnlyList<string> only = [];
        int? repetitions = null;
        IReadOnlyList<FleetSize>? fleetSizes = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--bdn":
                    bdn = true;
                    break;
                case "--out":
                    output = Value(args, ++i, "--out");
                    break;
                case "--postgres":
                    postgres = Value(args, ++i, "--postgres");
                    break;
                case "--postgres-durable":
                    durable = Value(args, ++i, "--postgres-durable");
                    break;
                case "--only":
                    only = Value(args, ++i, "--only").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case "--repetitions":
                    repetitions = int.Parse(Value(args, ++i, "--repetitions"), CultureInfo.InvariantCulture);
                    break;
                case "--fleet-sizes":
                    fleetSizes = FleetSizes(Value(args, ++i, "--fleet-sizes"));
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }

        var sizes = quick ? BenchSizes.Quick : BenchSizes.Full;
        sizes = fleetSizes is null ? sizes : sizes with { FleetSizes = fleetSizes };
        return new BenchOptions
        {
            Quick = quick,
            BenchmarkDotNet = bdn,
            OutputFolder = output ?? Path.Combine("bench", "results"),
            PostgresConnectionString = string.IsNullOrWhiteSpace(postgres) ? null : postgres,
            DurablePostgresConnectionString = string.IsNullOrWhiteSpace(durable) ? null : durable,
            Only = only,
            Sizes = repetitions is { } r ? sizes with { Repetitions = Math.Max(1, r) } : sizes,
        };
    }

    private static FleetSize[] FleetSizes(string value)
    {
        var sizes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => FleetSize.TryParse(s, MaxFleetTargets)).ToArray();
        return sizes.Length > 0 && sizes.All(s => s is not null)
            ? [.. sizes.OfType<FleetSize>()]
            : throw new ArgumentException(
                $"--fleet-sizes '{value}': give server counts from 10 to {MaxFleetTargets:N0} separated by commas, each optionally with the simulators' "
                + $"time scale from {FleetSize.SlowestTimeScale:0} to {FleetSize.DefaultTimeScale:0} after an @ (default {FleetSize.DefaultTimeScale:0}), e.g. 1000,10000,10000@100.");
    }

    private static string Value(IReadOnlyList<string> args, int index, string name) =>
        index < args.Count ? args[index] : throw new ArgumentException($"{name} needs a value.");
}
