namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>A delivery that failed verification: its source, the caller's address, why, and when. Never its body or any secret.</summary>
internal sealed record WebhookRejection(string Source, string? RemoteIp, string Reason, DateTimeOffset At);
