namespace ChangeOrchestrator.Persistence.Audit;

/// <summary>
/// What happened, by whom and from where, as a caller hands it to <see cref="IAuditLog.AppendAsync"/>. The log stamps
/// the time and the id itself, so no caller can back-date an entry. Text longer than a column is cut, never refused:
/// an audit entry is written even for a request whose values are hostile.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>A user name or an API key's name; <c>anonymous</c> when the caller proved nothing.</summary>
    public required string Actor { get; init; }

    /// <summary>How the actor was authenticated: api-key, bearer, local, or none.</summary>
    public string? AuthScheme { get; init; }

    /// <summary>A dotted verb such as <c>instance.start</c>, <c>definition.publish</c>, <c>auth.login.failed</c>, <c>webhook.rejected</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The kind of object acted on, e.g. <c>instance</c>, <c>definition</c>, <c>event</c>, <c>webhook</c>.</summary>
    public string? ObjectType { get; init; }

    public string? ObjectId { get; init; }

    public string? RemoteIp { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>The HTTP status code the request was answered with.</summary>
    public required int Outcome { get; init; }

    /// <summary>A short reason, such as why authentication failed; never a secret or a whole payload.</summary>
    public string? Detail { get; init; }
}
