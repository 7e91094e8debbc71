namespace ChangeOrchestrator.Simulators.Aws.Control;

/// <summary>Body of <c>POST _control/reset</c>; a null member keeps the configured value.</summary>
internal sealed record ResetFleetRequest(int? Size, int? Seed);
