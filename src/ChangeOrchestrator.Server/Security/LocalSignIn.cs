using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// Starts a local session: the claims of a verified user (name, how they signed in, their roles expanded) in the
/// session cookie. Shared by <c>POST /auth/login</c> and the console's sign-in page, so both sessions are the same.
/// </summary>
internal static class LocalSignIn
{
    public static async Task<IReadOnlyList<string>> StartSessionAsync(HttpContext context, LocalUser user)
    {
        var roles = user.Roles.SelectMany(Roles.Expand).Distinct(StringComparer.Ordinal).ToList();
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(AuthSchemes.MethodClaim, "local") };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        await context.SignInAsync(AuthSchemes.Local, new ClaimsPrincipal(new ClaimsIdentity(claims, AuthSchemes.Local, ClaimTypes.Name, ClaimTypes.Role)));
        return roles;
    }
}
