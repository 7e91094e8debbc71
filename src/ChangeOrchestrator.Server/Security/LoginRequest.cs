namespace ChangeOrchestrator.Server.Security;

/// <summary>Body of <c>POST /auth/login</c>, as JSON or as a form with the same field names.</summary>
internal sealed record LoginRequest
{
    public string? Username { get; init; }

    public string? Password { get; init; }
}
