using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// <c>X-Hub-Signature: sha256=&lt;hex HMAC-SHA256(secret, raw body)&gt;</c>, as Jira sends it for an admin webhook
/// with a secret; any active secret verifies, so a secret can be rotated without losing deliveries.
/// </summary>
internal sealed class JiraSignatureVerifier(IOptions<WebhooksOptions> options) : IWebhookVerifier
{
    public const string SignatureHeader = "X-Hub-Signature";

    private const string Prefix = "sha256=";
    private const int HashBytes = 32;

    private readonly IReadOnlyList<byte[]> _keys = [.. options.Value.Jira.Secrets.Select(Encoding.UTF8.GetBytes)];

    public string Source => WebhookSources.Jira;

    public WebhookVerification Verify(HttpRequest request, byte[] body)
    {
        var headers = request.Headers[SignatureHeader];
        if (headers.Count == 0)
        {
            return WebhookVerification.Failure("no X-Hub-Signature header");
        }

        var header = headers.Count == 1 ? headers[0] ?? "" : "";
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

        var matched = false;
        foreach (var key in _keys)
        {
            matched |= CryptographicOperations.FixedTimeEquals(given, HMACSHA256.HashData(key, body));
        }

        return matched ? WebhookVerification.Success : WebhookVerification.Failure("signature does not match any active secret");
    }
}
