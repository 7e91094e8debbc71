namespace ChangeOrchestrator.Server.Audit;

/// <summary>
/// What an endpoint knows better than the request does, for the one audit entry of the request: the object it
/// created, or, for a login, who tried and whether it failed. Unset values come from the request and the metadata.
/// </summary>
internal sealed class AuditScope
{
    public string? Action { get; set; }

    public string? Actor { get; set; }

    public string? AuthScheme { get; set; }

    public string? ObjectId { get; set; }

    public string? Detail { get; set; }
}
