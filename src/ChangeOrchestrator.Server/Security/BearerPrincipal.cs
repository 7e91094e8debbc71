using System.Security.Claims;
using System.Text.Json;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// Turns a validated access token into our caller: a name for the audit log and our roles, from the provider's
/// roles or groups through <see cref="OidcOptions.RoleMap"/>. Other claims are not carried: nothing here reads them.
/// </summary>
internal static class BearerPrincipal
{
    public static ClaimsPrincipal From(ClaimsPrincipal token, OidcOptions oidc) => From(token, oidc, "bearer", AuthSchemes.Bearer);

    /// <summary>The same caller for another way of signing in (<c>oidc</c>: the console's sign-in at the provider).</summary>
    public static ClaimsPrincipal From(ClaimsPrincipal token, OidcOptions oidc, string method, string authenticationType)
    {
        var name = token.FindFirst(oidc.NameClaim)?.Value ?? token.FindFirst("sub")?.Value ?? "unknown";
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(AuthSchemes.MethodClaim, method) };
        claims.AddRange(ProviderRoles(token, oidc.RoleClaim)
            .SelectMany(value => Map(value, oidc))
            .SelectMany(Roles.Expand)
            .Distinct(StringComparer.Ordinal)
            .Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    private static IEnumerable<string> Map(string value, OidcOptions oidc) =>
        oidc.RoleMap.Count == 0
            ? Roles.All.Contains(value, StringComparer.Ordinal) ? [value] : []
            : oidc.RoleMap.TryGetValue(value, out var role) ? [role] : [];

    /// <summary>The values of the role claim; a dotted name reaches into a JSON claim (Keycloak's <c>realm_access.roles</c>).</summary>
    private static IEnumerable<string> ProviderRoles(ClaimsPrincipal token, string roleClaim)
    {
        var direct = token.FindAll(roleClaim).Select(c => c.Value).ToList();
        var dot = roleClaim.IndexOf('.', StringComparison.Ordinal);
        if (direct.Count > 0 || dot < 0)
        {
            return direct;
        }

        var path = roleClaim[(dot + 1)..].Split('.');
        return token.FindAll(roleClaim[..dot]).SelectMany(c => FromJson(c.Value, path)).ToList();
    }

    private static IEnumerable<string> FromJson(string json, string[] path)
    {
        JsonElement element;
        try
        {
            using var document = JsonDocument.Parse(json);
            element = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return [];
        }

        foreach (var segment in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element))
            {
                return [];
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.Array => element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
            JsonValueKind.String => [element.GetString()!],
            _ => [],
        };
    }
}
