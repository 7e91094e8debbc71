namespace ChangeOrchestrator.Engine.Activities;

/// <summary>The input type of an activity that takes nothing.</summary>
public sealed record NoInput;
