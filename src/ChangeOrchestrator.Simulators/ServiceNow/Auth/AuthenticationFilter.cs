using System.Text;
using ChangeOrchestrator.Simulators.ServiceNow.Http;

namespace ChangeOrchestrator.Simulators.ServiceNow.Auth;

/// <summary>Basic or Bearer on every REST call; anything else is 401 with the instance's envelope.</summary>
internal sealed class AuthenticationFilter(UserDirectory users, OAuthTokenStore tokens) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = Authenticate(context.HttpContext.Request.Headers.Authorization.ToString());
        if (user is null)
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "BASIC realm=\"Service-now\"";
            return ServiceNowError.NotAuthenticated().ToResult();
        }

        context.HttpContext.SetUser(user);
        return await next(context);
    }

    private ServiceNowUser? Authenticate(string authorization)
    {
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return tokens.UserOf(authorization["Bearer ".Length..].Trim()) is { } userName ? users.Find(userName) : null;
        }

        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : users.Authenticate(decoded[..colon], decoded[(colon + 1)..]);
    }
}
