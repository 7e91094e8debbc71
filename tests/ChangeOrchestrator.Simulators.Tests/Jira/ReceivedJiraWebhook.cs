using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Tests.Jira;

/// <summary>One POST the receiver got: headers and the raw body, exactly as sent.</summary>
public sealed record ReceivedJiraWebhook(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int AnsweredStatus)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The verification the reference gives: HMAC-SHA256 of the raw bytes, compared in constant time.</summary>
    public bool HasValidSignature(string secret)
    {
        var header = Header("X-Hub-Signature");
        if (header is null || !header.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }

        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var expected = Convert.ToHexString(hmac.ComputeHash(Body)).ToLowerInvariant();
        var given = header[7..].ToLowerInvariant();
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
    }
}
