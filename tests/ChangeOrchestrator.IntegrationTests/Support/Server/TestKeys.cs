using System.Security.Cryptography;
using System.Text;

namespace ChangeOrchestrator.IntegrationTests.Support.Server;

/// <summary>One API key per role, configured (hashed) on every test server.</summary>
public static class TestKeys
{
    public static IReadOnlyDictionary<string, string> ByRole { get; } = new Dictionary<string, string>
    {
        ["Admin"] = "test-admin-key-0001",
        ["Viewer"] = "test-viewer-key-0002",
        ["Operator"] = "test-operator-key-0003",
        ["Designer"] = "test-designer-key-0004",
    };

    public static string Admin => ByRole["Admin"];

    /// <summary>The keys as configuration entries (<c>Auth:ApiKeys:n:...</c>), with <paramref name="separator"/> ":" or "__".</summary>
    public static Dictionary<string, string> AsConfiguration(string separator)
    {
        var settings = new Dictionary<string, string>();
        var index = 0;
        foreach (var (role, key) in ByRole)
        {
            var prefix = string.Join(separator, "Auth", "ApiKeys", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            settings[$"{prefix}{separator}Name"] = $"test-{role.ToLowerInvariant()}";
            settings[$"{prefix}{separator}Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
            settings[$"{prefix}{separator}Roles{separator}0"] = role;
            index++;
        }

        return settings;
    }
}
