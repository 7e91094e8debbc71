using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>Something that happened outside (a webhook, a poll result, an API call) that resumes every bookmark of its kind and key.</summary>
public sealed record Stimulus(string Id, string Kind, string Key, JsonNode? Payload, DateTimeOffset ReceivedAt);
