namespace ChangeOrchestrator.Persistence.Webhooks;

/// <summary>A delivery that failed verification: who sent it, when and why; never its body or any secret.</summary>
public sealed record RejectedWebhook(string Id, string Source, string? RemoteIp, string Reason, DateTimeOffset At, DateTimeOffset ExpiresAt);
