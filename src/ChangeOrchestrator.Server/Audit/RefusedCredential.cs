namespace ChangeOrchestrator.Server.Audit;

/// <summary>A credential a request presented and authentication refused: whom it named (when it did), how it was presented, and why it failed.</summary>
internal sealed record RefusedCredential(string? Actor, string AuthScheme, string Detail);
