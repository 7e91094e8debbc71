using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.ServiceNow.Auth;

/// <summary>
/// <c>POST /oauth_token.do</c>: password, client_credentials and refresh_token grants. Failures use the OAuth error
/// shape, not the REST error envelope.
/// </summary>
internal static class OAuthTokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        OAuthTokenStore tokens,
        UserDirectory users,
        IOptionsMonitor<ServiceNowSimulatorOptions> options,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var oauth = options.CurrentValue.OAuth;
        var client = oauth.Clients.FirstOrDefault(c => c.ClientId == form["client_id"].ToString());
        if (client is null || !UserDirectory.SecretsEqual(client.ClientSecret, form["client_secret"].ToString()))
        {
            return AccessDenied();
        }

        var scope = form["scope"].ToString() is { Length: > 0 } requested ? requested : "useraccount";
        return form["grant_type"].ToString() switch
        {
            "password" => users.Authenticate(form["username"].ToString(), form["password"].ToString()) is { } user
                ? Issued(tokens, user.UserName, client.ClientId, scope, withRefreshToken: true)
                : AccessDenied(),
            "client_credentials" when !oauth.ClientCredentialsEnabled || client.ApplicationUser.Length == 0 =>
                Error(StatusCodes.Status401Unauthorized, "access_denied", "client_credentials grant is not enabled for this client"),
            "client_credentials" => Issued(tokens, client.ApplicationUser, client.ClientId, scope, withRefreshToken: false),
            "refresh_token" => tokens.FindRefreshToken(form["refresh_token"].ToString(), client.ClientId) is { } refresh
                ? Issued(tokens, refresh.UserName, client.ClientId, refresh.Scope, withRefreshToken: true)
                : Error(StatusCodes.Status401Unauthorized, "invalid_grant", "The refresh token is invalid or expired"),
            var grant => Error(StatusCodes.Status400BadRequest, "unsupported_grant_type", $"grant_type '{grant}' is not supported"),
        };
    }

    private static IResult Issued(OAuthTokenStore tokens, string userName, string clientId, string scope, bool withRefreshToken)
    {
        var (access, refresh) = tokens.Issue(userName, clientId, scope, withRefreshToken);
        var body = new JsonObject { ["access_token"] = access.Value };
        if (refresh is not null)
        {
            body["refresh_token"] = refresh.Value;
        }

        body["scope"] = scope;
        body["token_type"] = "Bearer";
        body["expires_in"] = access.LifetimeSeconds;
        return Results.Json(body);
    }

    /// <summary>What the instance answers to wrong client or user credentials.</summary>
    private static IResult AccessDenied() => Error(StatusCodes.Status401Unauthorized, "server_error", "access_denied");

    private static IResult Error(int statusCode, string error, string description) =>
        Results.Json(new JsonObject { ["error_description"] = description, ["error"] = error }, statusCode: statusCode);
}
