namespace ChangeOrchestrator.Engine.Results;

/// <summary>A path an expression reads items through: <c>steps.scan.instances.filter</c> is root <c>steps</c>, segments scan, instances, filter.</summary>
internal sealed record ItemRead(string Root, IReadOnlyList<string> Segments);
