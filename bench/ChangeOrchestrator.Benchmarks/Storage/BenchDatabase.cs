using ChangeOrchestrator.Persistence;

namespace ChangeOrchestrator.Benchmarks.Storage;

/// <summary>An empty database of one provider for one repetition, removed afterwards; memory has none.</summary>
internal abstract class BenchDatabase : IAsyncDisposable
{
    public abstract StoreKind Kind { get; }

    /// <summary>Null for the in-memory stores.</summary>
    public abstract PersistenceOptions? CreateOptions();

    public abstract ValueTask DisposeAsync();

    /// <exception cref="InvalidOperationException">PostgreSQL was asked for without a server connection string.</exception>
    public static async Task<BenchDatabase> CreateAsync(StoreKind kind, string? postgresServer, CancellationToken cancellationToken) => kind switch
    {
        StoreKind.Memory => new MemoryBenchDatabase(),
        StoreKind.Sqlite => SqliteBenchDatabase.Create(),
        StoreKind.Postgres => await PostgresBenchDatabase.CreateAsync(
            postgresServer ?? throw new InvalidOperationException("PostgreSQL needs --postgres or CHANGEORCHESTRATOR_BENCH_POSTGRES."), cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
