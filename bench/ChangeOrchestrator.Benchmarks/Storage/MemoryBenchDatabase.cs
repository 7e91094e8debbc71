using ChangeOrchestrator.Persistence;

namespace ChangeOrchestrator.Benchmarks.Storage;

/// <summary>The engine's default in-memory stores: nothing to create or remove.</summary>
internal sealed class MemoryBenchDatabase : BenchDatabase
{
    public override StoreKind Kind => StoreKind.Memory;

    public override PersistenceOptions? CreateOptions() => null;

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
