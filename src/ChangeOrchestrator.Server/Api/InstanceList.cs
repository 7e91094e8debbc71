namespace ChangeOrchestrator.Server.Api;

/// <summary>One page of <c>GET /api/instances</c> and the token of the next page (null on the last).</summary>
public sealed record InstanceList(IEnumerable<InstanceResponse> Items, string? Next);
