namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>One measured value of one repetition, named within its scenario (e.g. <c>ours.postgres.c4</c>).</summary>
internal sealed record Figure(string Name, string Unit, double Value);
