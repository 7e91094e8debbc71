namespace ChangeOrchestrator.Persistence.Sessions;

/// <summary>A local login's session, kept on the server: the cookie carries only its id, so deleting the row ends it everywhere.</summary>
internal sealed class LoginSessionRow
{
    public required string Id { get; init; }

    public required string UserName { get; init; }

    /// <summary>The authentication ticket, serialized and protected with the data-protection keys.</summary>
    public required byte[] Ticket { get; set; }

    public required DateTimeOffset ExpiresAt { get; set; }
}
