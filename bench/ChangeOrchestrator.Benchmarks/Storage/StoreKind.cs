namespace ChangeOrchestrator.Benchmarks.Storage;

/// <summary>Where the engine keeps its state in a measurement.</summary>
internal enum StoreKind
{
    Memory,
    Sqlite,
    Postgres,
}
