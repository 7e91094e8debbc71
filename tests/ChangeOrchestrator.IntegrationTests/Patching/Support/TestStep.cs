namespace ChangeOrchestrator.IntegrationTests.Patching.Support;

/// <summary>
/// An activity of a test workflow, reached from the step before it on <paramref name="After"/>, with an optional
/// retry policy (<c>{ attempts, backoff }</c>).
/// </summary>
public sealed record TestStep(string Id, string Type, object Inputs, string After = "Done", object? Retry = null);
