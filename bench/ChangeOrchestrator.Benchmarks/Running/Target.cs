namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>A goal a figure's median should reach.</summary>
internal sealed record Target(string Description, string Figure, double AtLeast);
