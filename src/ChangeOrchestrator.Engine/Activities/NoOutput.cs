namespace ChangeOrchestrator.Engine.Activities;

/// <summary>The output type of an activity that publishes nothing.</summary>
public sealed record NoOutput;
