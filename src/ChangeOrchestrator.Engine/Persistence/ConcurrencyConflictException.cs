namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>Another executor committed first; the burst is discarded and retried from the newer state.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
