namespace ChangeOrchestrator.Server.Api;

/// <summary>The answer to a definition that validates: its id and how many activities it holds.</summary>
public sealed record DefinitionValidation(bool Valid, string Id, int Activities);
