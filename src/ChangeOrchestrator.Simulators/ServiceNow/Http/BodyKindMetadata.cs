namespace ChangeOrchestrator.Simulators.ServiceNow.Http;

internal sealed record BodyKindMetadata(BodyKind Kind);
