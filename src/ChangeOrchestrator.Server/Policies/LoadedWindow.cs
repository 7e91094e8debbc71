namespace ChangeOrchestrator.Server.Policies;

/// <summary>A maintenance window of the loaded policy (duration and cutoff in hours, as SSM takes them).</summary>
public sealed record LoadedWindow(string Name, string Schedule, string? TimeZone, int Duration, int Cutoff, IReadOnlyList<string> PatchGroups);
