using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Instances;

/// <summary>Why a suspended activity runs again: which of its bookmarks fired and with what payload.</summary>
public sealed record Resumption(Bookmark Bookmark, JsonNode? Payload);
