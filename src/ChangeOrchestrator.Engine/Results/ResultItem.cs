using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Results;

/// <summary>One stored item of a per-server list: its position, the server it is about, its state when it has one.</summary>
public sealed record ResultItem(string Activity, string Name, int Ordinal, string? ServerId, string? State, JsonNode? Data);
