namespace ChangeOrchestrator.Simulators.Aws.Paging;

internal sealed record Page<T>(IReadOnlyList<T> Items, string? NextToken);
