namespace ChangeOrchestrator.Benchmarks.Storage;

internal static class StoreNames
{
    /// <summary>The store's name in figure names.</summary>
    public static string Of(StoreKind kind) => kind switch
    {
        StoreKind.Memory => "memory",
        StoreKind.Sqlite => "sqlite",
        StoreKind.Postgres => "postgres",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
