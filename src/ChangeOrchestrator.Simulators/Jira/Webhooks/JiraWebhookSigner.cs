using System.Security.Cryptography;
using System.Text;

namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

/// <summary><c>X-Hub-Signature: sha256=&lt;lowercase hex HMAC-SHA256(secret, raw body)&gt;</c>.</summary>
internal static class JiraWebhookSigner
{
    public const string HeaderName = "X-Hub-Signature";

    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
