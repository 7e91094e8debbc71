using System.Security.Cryptography;
using System.Text;
using ChangeOrchestrator.Connectors.Webhooks;
using ChangeOrchestrator.Patching.ChangeRequests.Events;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Jira.Webhooks;

/// <summary>
/// <c>X-Hub-Signature: sha256=&lt;hex HMAC-SHA256(secret, raw body)&gt;</c>, as Jira sends it for an admin webhook
/// with a secret; any active secret verifies, so a secret can be rotated without losing deliveries.
/// </summary>
internal sealed class JiraSignatureVerifier(IOptions<JiraWebhookSourceOptions> options) : IWebhookVerifier
{
    public const string SignatureHeader = "X-Hub-Signature";

    /// <summary>Jira's delivery id, unchanged across its retries.</summary>
    public const string DeliveryIdHeader = "X-Atlassian-Webhook-Identifier";

    private const string Prefix = "sha256=";
    private const int HashBytes = 32;

    public WebhookVerification Verify(IReadOnlyDictionary<string, string[]> headers, ReadOnlyMemory<byte> body)
    {
        var values = WebhookHeaders.Values(headers, SignatureHeader);
        if (values.Count == 0)
        {
            return WebhookVerification.Failure("no X-Hub-Signature header");
        }

        var header = values.Count == 1 ? values[0] : "";
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + (2 * HashBytes))
        {
            return WebhookVerification.Failure("X-Hub-Signature is not of the form sha256=<64 hex digits>");
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return WebhookVerification.Failure("X-Hub-Signature is not of the form sha256=<64 hex digits>");
        }

        var expected = options.Value.Secrets.Select(secret => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body.Span));
        return SecretComparer.MatchesAny(given, expected)
            ? WebhookVerification.Success
            : WebhookVerification.Failure("signature does not match any active secret");
    }

    public string DeliveryId(IReadOnlyDictionary<string, string[]> headers) => WebhookHeaders.Joined(headers, DeliveryIdHeader);
}
