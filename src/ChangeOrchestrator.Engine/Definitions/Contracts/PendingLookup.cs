namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>A string that passed its static checks and must still be found in a host source (<c>enumFrom</c>).</summary>
public sealed record PendingLookup(string Path, string Value, string Source, bool AllowEmpty);
