using System.Collections.Concurrent;
using System.Security.Cryptography;
using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using ChangeOrchestrator.Simulators.Shared;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.ServiceNow.Auth;

/// <summary>
/// Tokens issued by /oauth_token.do. Lifetimes run on the clock's time provider unscaled, because clients schedule
/// their refresh from expires_in in real seconds; tests move a FakeTimeProvider or expire tokens through the control API.
/// </summary>
internal sealed class OAuthTokenStore(SimulatorClock clock, IOptionsMonitor<ServiceNowSimulatorOptions> options)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _accessTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedToken> _refreshTokens = new(StringComparer.Ordinal);

    public (IssuedToken Access, IssuedToken? Refresh) Issue(string userName, string clientId, string scope, bool withRefreshToken)
    {
        var oauth = options.CurrentValue.OAuth;
        var now = clock.UtcNow;
        var access = new IssuedToken(NewToken(), userName, clientId, scope, now.AddSeconds(oauth.AccessTokenLifetimeSeconds), oauth.AccessTokenLifetimeSeconds);
        _accessTokens[access.Value] = access;
        IssuedToken? refresh = null;
        if (withRefreshToken)
        {
            refresh = new IssuedToken(NewToken(), userName, clientId, scope, now.AddSeconds(oauth.RefreshTokenLifetimeSeconds), oauth.RefreshTokenLifetimeSeconds);
            _refreshTokens[refresh.Value] = refresh;
        }

        return (access, refresh);
    }

    /// <summary>The user a live access token acts for.</summary>
    public string? UserOf(string accessToken) =>
        _accessTokens.TryGetValue(accessToken, out var token) && token.ExpiresAt > clock.UtcNow ? token.UserName : null;

    public IssuedToken? FindRefreshToken(string refreshToken, string clientId) =>
        _refreshTokens.TryGetValue(refreshToken, out var token) && token.ClientId == clientId && token.ExpiresAt > clock.UtcNow ? token : null;

    /// <summary>Ends every access token at once, as an instance does when tokens are revoked.</summary>
    public int ExpireAccessTokens()
    {
        var count = _accessTokens.Count;
        _accessTokens.Clear();
        return count;
    }

    public void Reset()
    {
        _accessTokens.Clear();
        _refreshTokens.Clear();
    }

    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
