namespace ChangeOrchestrator.Engine.Execution;

/// <summary>
/// The limits one burst runs under, taken from the engine's options by the composition root, so the interpreter
/// needs nothing from the runtime that drives it.
/// </summary>
/// <param name="MaxActivities">Activity executions allowed before the burst is stopped as a runaway loop.</param>
/// <param name="InlineListItems">Arrays longer than this are stored apart from the instance and referenced from it.</param>
internal sealed record BurstLimits(int MaxActivities, int InlineListItems);
