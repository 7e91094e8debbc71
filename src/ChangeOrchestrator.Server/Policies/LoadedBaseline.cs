namespace ChangeOrchestrator.Server.Policies;

/// <summary>A patch baseline of the loaded policy.</summary>
public sealed record LoadedBaseline(string Name, string OperatingSystem);
