using System.Data.Common;
using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Server.Settings;

/// <summary>
/// The effective configuration with every secret replaced by <see cref="Redacted"/>: values under a secret-looking
/// key (passwords, secrets, tokens, key hashes, private keys), passwords inside connection strings and credentials
/// inside URLs. Process-wide environment variables outside any section are left out: they are the machine's, not
/// the product's, and may hold anything.
/// </summary>
internal static partial class ConfigurationRedaction
{
    public const string Redacted = "***";

    private static readonly HashSet<string> TopLevelKeys = new(StringComparer.OrdinalIgnoreCase) { "AllowedHosts", "urls", "environment", "applicationName", "contentRoot" };

    public static SortedDictionary<string, string?> Effective(IConfiguration configuration)
    {
        var result = new SortedDictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (value is null || (!key.Contains(':', StringComparison.Ordinal) && !TopLevelKeys.Contains(key)))
            {
                continue;
            }

            result[key] = Redact(key, value);
        }

        return result;
    }

    public static string Redact(string key, string value)
    {
        if (value.Length == 0)
        {
            return value;
        }

        if (IsSecretKey(key))
        {
            return Redacted;
        }

        if (key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase) || LooksLikeConnectionString(value))
        {
            return RedactConnectionString(value);
        }

        return UrlCredentials().Replace(value, "$1" + Redacted + "@");
    }

    /// <summary>The last segment that is not an index names what the value is: <c>Auth:ApiKeys:0:Sha256</c> → Sha256.</summary>
    public static bool IsSecretKey(string key)
    {
        var segments = key.Split(':');
        var name = segments.LastOrDefault(s => !s.All(char.IsAsciiDigit)) ?? key;
        return SecretName().IsMatch(name);
    }

    private static bool LooksLikeConnectionString(string value) =>
        value.Contains('=', StringComparison.Ordinal) && value.Contains(';', StringComparison.Ordinal) && PasswordPart().IsMatch(value);

    /// <summary>Keeps the string as written (so it reads like the configuration) and replaces each secret part's value.</summary>
    private static string RedactConnectionString(string value)
    {
        try
        {
            // Parsing first tells a quoted ';' inside a value from a separator; a string it cannot parse is hidden whole.
            _ = new DbConnectionStringBuilder { ConnectionString = value };
        }
        catch (ArgumentException)
        {
            return Redacted;
        }

        return ConnectionStringPart().Replace(value, part =>
            SecretName().IsMatch(part.Groups["key"].Value.Replace(" ", string.Empty, StringComparison.Ordinal))
                ? part.Groups["lead"].Value + part.Groups["key"].Value + "=" + Redacted
                : part.Value);
    }

    [GeneratedRegex("(password|passwd|pwd|passphrase|secret|token|credential|sha256|hash|privatekey|key)$|(password|secret|token|credential)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("(?<lead>(^|;)\\s*)(?<key>[^=;]+?)\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^;]*)")]
    private static partial Regex ConnectionStringPart();

    [GeneratedRegex(@"(^|;)\s*(password|pwd)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordPart();

    [GeneratedRegex(@"(\b[a-z][a-z0-9+.-]*://)[^/@\s]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlCredentials();
}
