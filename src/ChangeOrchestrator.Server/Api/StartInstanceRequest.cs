using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Server.Api;

/// <summary>Body of <c>POST /api/instances</c>.</summary>
public sealed record StartInstanceRequest
{
    [Required]
    public required string DefinitionId { get; init; }

    public int? Version { get; init; }

    public JsonObject? Input { get; init; }

    [MaxLength(200)]
    public string? CorrelationId { get; init; }

    /// <summary>Chosen by the caller; repeating a start with the same request id returns the same instance.</summary>
    [MaxLength(200)]
    public string? RequestId { get; init; }
}
