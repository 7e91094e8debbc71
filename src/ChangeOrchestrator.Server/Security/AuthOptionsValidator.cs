using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Security;

/// <summary>Checks every configured key, identity provider setting and local user at start-up; each message names its configuration path.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            var path = $"{AuthOptions.Section}:ApiKeys:{i}";
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(key, new ValidationContext(key), results, validateAllProperties: true);
            failures.AddRange(results.Select(r => $"{path}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
            foreach (var role in key.Roles.Where(r => !Roles.All.Contains(r)))
            {
                failures.Add($"{path}:Roles: '{role}' is not one of {string.Join(", ", Roles.All)}");
            }
        }

        ValidateOidc(options.Oidc, failures);
        ValidateLocal(options.Local, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateOidc(OidcOptions oidc, List<string> failures)
    {
        const string path = AuthOptions.Section + ":Oidc";
        if (!oidc.Enabled)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(oidc.Audience))
        {
            failures.Add($"{path}:Audience: is required once {path}:Authority is set (the 'aud' this API's tokens carry)");
        }

        if (oidc.SigningKeys.Count == 0 && !Uri.TryCreate(oidc.Authority, UriKind.Absolute, out _))
        {
            failures.Add($"{path}:Authority: '{oidc.Authority}' is not an absolute URL");
        }

        if (oidc.SigningKeys.Count > 0 && string.IsNullOrWhiteSpace(oidc.ExpectedIssuer))
        {
            failures.Add($"{path}:Issuer: is required with {path}:SigningKeys (the 'iss' the tokens carry)");
        }

        for (var i = 0; i < oidc.SigningKeys.Count; i++)
        {
            try
            {
                PemSigningKeys.Parse(oidc.SigningKeys[i]);
            }
            catch (ArgumentException ex)
            {
                failures.Add($"{path}:SigningKeys:{i}: {ex.Message.Split(" (Parameter", StringSplitOptions.None)[0]}");
            }
        }

        if (string.IsNullOrWhiteSpace(oidc.RoleClaim))
        {
            failures.Add($"{path}:RoleClaim: must name the claim that holds roles or groups");
        }

        foreach (var (providerRole, role) in oidc.RoleMap.Where(m => !Roles.All.Contains(m.Value)))
        {
            failures.Add($"{path}:RoleMap:{providerRole}: '{role}' is not one of {string.Join(", ", Roles.All)}");
        }
    }

    private static void ValidateLocal(LocalLoginOptions local, List<string> failures)
    {
        const string path = AuthOptions.Section + ":Local";
        for (var i = 0; i < local.Users.Count; i++)
        {
            var user = local.Users[i];
            if (string.IsNullOrWhiteSpace(user.Name))
            {
                failures.Add($"{path}:Users:{i}:Name: is required");
            }

            if (PasswordHashes.Problem(user.PasswordHash) is { } problem)
            {
                failures.Add($"{path}:Users:{i}:PasswordHash: {problem}");
            }

            if (user.Roles.Count == 0)
            {
                failures.Add($"{path}:Users:{i}:Roles: at least one of {string.Join(", ", Roles.All)}");
            }

            foreach (var role in user.Roles.Where(r => !Roles.All.Contains(r)))
            {
                failures.Add($"{path}:Users:{i}:Roles: '{role}' is not one of {string.Join(", ", Roles.All)}");
            }
        }

        foreach (var duplicate in local.Users.GroupBy(u => u.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            failures.Add($"{path}:Users: '{duplicate.Key}' is configured {duplicate.Count()} times");
        }

        if (local.SessionLifetime <= TimeSpan.Zero)
        {
            failures.Add($"{path}:SessionLifetime: must be positive");
        }

        if (local.LoginPermitLimit < 1)
        {
            failures.Add($"{path}:LoginPermitLimit: must be at least 1");
        }

        if (local.LoginWindow <= TimeSpan.Zero)
        {
            failures.Add($"{path}:LoginWindow: must be positive");
        }
    }
}
