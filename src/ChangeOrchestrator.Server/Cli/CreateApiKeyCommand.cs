using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ChangeOrchestrator.Server.Security;

namespace ChangeOrchestrator.Server.Cli;

/// <summary>
/// <c>create-api-key --name NAME --role ROLE [--role ROLE] [--expires 2027-06-30|90d]</c>: makes a new API key,
/// prints it once, and prints the configuration entry to add, which holds only the key's SHA-256. The server never
/// sees the key itself until a client presents it.
/// </summary>
internal static class CreateApiKeyCommand
{
    private const string Usage = "usage: create-api-key --name NAME --role Viewer|Operator|Designer|Admin [--role ...] [--expires 2027-06-30T00:00:00Z | 90d]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TimeProvider time)
    {
        var parsed = CliArguments.Parse(args, "--name", "--role", "--expires");
        var errors = new List<string>(parsed.Errors);
        var name = parsed.One("--name");
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add("--name is required (it names the caller in the audit log)");
        }

        var roles = parsed.All("--role");
        if (roles.Count == 0)
        {
            errors.Add("--role is required");
        }

        errors.AddRange(roles.Where(r => !Roles.All.Contains(r)).Select(r => $"--role '{r}' is not one of {string.Join(", ", Roles.All)}"));
        var now = time.GetUtcNow();
        DateTimeOffset? expires = null;
        if (parsed.One("--expires") is { } text)
        {
            expires = ParseExpiry(text, now);
            if (expires is null)
            {
                errors.Add($"--expires '{text}' is neither a date (2027-06-30, 2027-06-30T12:00:00Z) nor a number of days (90d)");
            }
            else if (expires <= now)
            {
                errors.Add($"--expires {expires:O} is in the past");
            }
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await output.WriteLineAsync(error);
            }

            await output.WriteLineAsync(Usage);
            return 2;
        }

        var key = "co_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var entry = new Dictionary<string, object?>
        {
            ["Name"] = name,
            ["Sha256"] = ApiKeyRegistry.Hash(key),
            ["Roles"] = roles,
        };
        if (expires is { } expiry)
        {
            entry["ExpiresAt"] = expiry.ToString("O", CultureInfo.InvariantCulture);
        }

        await output.WriteLineAsync($"API key for '{name}' (shown only now; the server keeps only its hash):");
        await output.WriteLineAsync($"  {key}");
        await output.WriteLineAsync();
        await output.WriteLineAsync("Add this entry to the Auth:ApiKeys array of appsettings.json:");
        await output.WriteLineAsync("  " + JsonSerializer.Serialize(entry));
        await output.WriteLineAsync("or as environment variables, N being the next free index:");
        await output.WriteLineAsync($"  Auth__ApiKeys__N__Name={name}");
        await output.WriteLineAsync($"  Auth__ApiKeys__N__Sha256={entry["Sha256"]}");
        for (var i = 0; i < roles.Count; i++)
        {
            await output.WriteLineAsync($"  Auth__ApiKeys__N__Roles__{i}={roles[i]}");
        }

        if (entry.TryGetValue("ExpiresAt", out var at))
        {
            await output.WriteLineAsync($"  Auth__ApiKeys__N__ExpiresAt={at}");
        }

        return 0;
    }

    private static DateTimeOffset? ParseExpiry(string text, DateTimeOffset now)
    {
        if (text.EndsWith('d') && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days > 0)
        {
            return now.AddDays(days);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
    }
}
