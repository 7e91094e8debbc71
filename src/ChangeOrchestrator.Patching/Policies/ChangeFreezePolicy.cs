namespace ChangeOrchestrator.Patching.Policies;

/// <summary>A period in which a window does not patch.</summary>
public sealed record ChangeFreezePolicy(DateTimeOffset Start, DateTimeOffset End, string? Reason);
