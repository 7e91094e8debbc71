namespace ChangeOrchestrator.Persistence.Audit;

/// <summary>One audit entry as stored; inserted once, never updated.</summary>
internal sealed class AuditRow
{
    public const int ActorLength = 200;
    public const int AuthSchemeLength = 32;
    public const int ActionLength = 100;
    public const int ObjectTypeLength = 64;
    public const int ObjectIdLength = 300;
    public const int RemoteIpLength = 64;
    public const int UserAgentLength = 256;
    public const int DetailLength = 1000;

    public long Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Actor { get; init; }

    public string? AuthScheme { get; init; }

    public required string Action { get; init; }

    public string? ObjectType { get; init; }

    public string? ObjectId { get; init; }

    public string? RemoteIp { get; init; }

    public string? UserAgent { get; init; }

    public required int Outcome { get; init; }

    public string? Detail { get; init; }

    public static AuditRow From(AuditEntry entry, DateTimeOffset at) => new()
    {
        At = at.ToUniversalTime(),
        Actor = Cut(entry.Actor, ActorLength) ?? string.Empty,
        AuthScheme = Cut(entry.AuthScheme, AuthSchemeLength),
        Action = Cut(entry.Action, ActionLength) ?? string.Empty,
        ObjectType = Cut(entry.ObjectType, ObjectTypeLength),
        ObjectId = Cut(entry.ObjectId, ObjectIdLength),
        RemoteIp = Cut(entry.RemoteIp, RemoteIpLength),
        UserAgent = Cut(entry.UserAgent, UserAgentLength),
        Outcome = entry.Outcome,
        Detail = Cut(entry.Detail, DetailLength),
    };

    public AuditRecord ToRecord() => new(Id, At, Actor, AuthScheme, Action, ObjectType, ObjectId, RemoteIp, UserAgent, Outcome, Detail);

    /// <summary>
    /// Cuts to the column's length without splitting a surrogate pair, and drops NUL, which PostgreSQL text refuses:
    /// values come from callers and must never make the entry unwritable.
    /// </summary>
    private static string? Cut(string? value, int length)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Contains('\0', StringComparison.Ordinal))
        {
            value = value.Replace("\0", string.Empty, StringComparison.Ordinal);
        }

        if (value.Length <= length)
        {
            return value;
        }

        var end = char.IsHighSurrogate(value[length - 1]) ? length - 1 : length;
        return value[..end];
    }
}
