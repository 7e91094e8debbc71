using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Server.Api;

/// <summary>A definition version as <c>GET /api/definitions/{id}</c> shows it: its summary, its file, and what a start form needs.</summary>
public sealed record DefinitionDetail(DefinitionSummary Summary, JsonNode? Definition, JsonObject Contract);
