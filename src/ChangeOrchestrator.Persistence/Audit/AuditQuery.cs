namespace ChangeOrchestrator.Persistence.Audit;

/// <summary>A page of the audit log in id order: entries after <see cref="After"/> matching every filter given.</summary>
public sealed record AuditQuery
{
    public const int MaxLimit = 500;

    public string? Actor { get; init; }

    /// <summary>An exact action, or a prefix when it ends with <c>*</c> (<c>auth.*</c>).</summary>
    public string? Action { get; init; }

    public string? ObjectType { get; init; }

    public string? ObjectId { get; init; }

    /// <summary>Inclusive.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>The id of the last entry of the previous page.</summary>
    public long? After { get; init; }

    public int Limit { get; init; } = 100;
}
