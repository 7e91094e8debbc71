namespace ChangeOrchestrator.Engine.Activities;

/// <summary>One activity class registered with the engine; the catalogue is built from all of them.</summary>
public sealed record ActivityRegistration(Type ActivityType);
