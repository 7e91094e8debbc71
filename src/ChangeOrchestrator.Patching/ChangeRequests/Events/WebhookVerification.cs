namespace ChangeOrchestrator.Patching.ChangeRequests.Events;

/// <summary>Whether a delivery proved it came from the desk; when not, why (never quoting the secret or the body).</summary>
public sealed record WebhookVerification(bool Verified, string? Reason)
{
    public static readonly WebhookVerification Success = new(true, null);

    public static WebhookVerification Failure(string reason) => new(false, reason);
}
