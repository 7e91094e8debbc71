namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>
/// A named source of allowed values. The name is known without building the source, so that definitions can be
/// validated where the source's own dependencies (a fleet, a desk) are not configured.
/// </summary>
public sealed record AllowedValueSourceRegistration(string Name, string Description, Type SourceType);
