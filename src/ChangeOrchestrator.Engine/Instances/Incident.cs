namespace ChangeOrchestrator.Engine.Instances;

/// <summary>A fault no <c>Faulted</c> connection handled: the instance stops until an operator retries it.</summary>
public sealed record Incident(string ActivityId, string Message, string? ErrorType, int Attempt, DateTimeOffset At);
