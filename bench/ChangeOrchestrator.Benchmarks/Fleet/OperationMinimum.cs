namespace ChangeOrchestrator.Benchmarks.Fleet;

/// <summary>The fewest calls of one API operation the change needed, and how that number follows from the API limits.</summary>
internal sealed record OperationMinimum(string Operation, long Calls, string Derivation);
