using ChangeOrchestrator.Connectors.Tests.ServiceDesk;
using ChangeOrchestrator.Patching.ChangeRequests;
using Microsoft.Extensions.Time.Testing;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Tests.ServiceNow;

/// <summary>OAuth against the instance's /oauth_token.do: tokens cached, renewed when refused or due.</summary>
public sealed class ServiceNowTokenSourceTests
{
    private const string TokenRoute = "POST /oauth_token.do";
    private const string ReadRoute = "GET /api/now/table/change_request/{sys_id}";

    private static CancellationToken Ct => CancellationToken.None;

    private static Dictionary<string, string?> ClientCredentials(string secret = "changeorchestrator-secret") => new()
    {
        ["ServiceDesk:ServiceNow:AuthMode"] = "OAuth",
        ["ServiceDesk:ServiceNow:User"] = null,
        ["ServiceDesk:ServiceNow:Password"] = null,
        ["ServiceDesk:ServiceNow:ClientId"] = "changeorchestrator",
        ["ServiceDesk:ServiceNow:ClientSecret"] = secret,
    };

    [Fact]
    public async Task ClientCredentials_SeveralCalls_ReuseOneToken()
    {
        await using var host = await ServiceDeskTestHost.StartAsync(deskSettings: ClientCredentials());

        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await host.ServiceNow.GetChangeAsync(change, Ct);

        Assert.Equal(1, await host.SnRequestCountAsync(TokenRoute));
        var journal = (await ServiceDeskTestHost.JsonAsync(host.SnControl, new RestRequest("requests/journal"))).AsArray();
        Assert.All(journal.Where(r => r!["route"]!.GetValue<string>() != TokenRoute),
            r => Assert.StartsWith("Bearer ", r!["headers"]!["Authorization"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ClientCredentials_TokenExpiredEarly_GetsANewTokenAndSucceeds()
    {
        await using var host = await ServiceDeskTestHost.StartAsync(deskSettings: ClientCredentials());
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await ServiceDeskTestHost.JsonAsync(host.SnControl, new RestRequest("tokens/expire", Method.Post));

        var status = await host.ServiceNow.GetChangeAsync(change, Ct);

        Assert.Equal(ChangeState.New, status.State);
        Assert.Equal(2, await host.SnRequestCountAsync(TokenRoute));
        Assert.Equal(2, await host.SnRequestCountAsync(ReadRoute));
    }

    [Fact]
    public async Task PasswordGrant_TokenDue_IsRenewedWithTheRefreshToken()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        var settings = ClientCredentials();
        settings["ServiceDesk:ServiceNow:User"] = "admin";
        settings["ServiceDesk:ServiceNow:Password"] = "admin";
        await using var host = await ServiceDeskTestHost.StartAsync(deskSettings: settings, deskTime: time, simulatorTime: time);
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);

        // The instance issues tokens for 1799 s; the connector renews them 60 s before they run out.
        time.Advance(TimeSpan.FromSeconds(1740));
        var status = await host.ServiceNow.GetChangeAsync(change, Ct);

        Assert.Equal(ChangeState.New, status.State);
        var grants = (await ServiceDeskTestHost.JsonAsync(host.SnControl, new RestRequest("requests/journal"))).AsArray()
            .Where(r => r!["route"]!.GetValue<string>() == TokenRoute)
            .Select(r => r!["body"]!.GetValue<string>().Split('&').First(p => p.StartsWith("grant_type=")))
            .ToList();
        Assert.Equal(["grant_type=password", "grant_type=refresh_token"], grants);
        Assert.Equal(1, await host.SnRequestCountAsync(ReadRoute));
    }

    [Fact]
    public async Task ClientCredentials_WrongSecret_ThrowsPermanentQuotingTheTokenEndpoint()
    {
        await using var host = await ServiceDeskTestHost.StartAsync(deskSettings: ClientCredentials("wrong-secret-17"));

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.ServiceNow.FindByCorrelationIdAsync("PATCH-A", Ct));

        Assert.False(error.IsTransient);
        Assert.Equal("ServiceNow answered 401 Unauthorized to POST /oauth_token.do (client_credentials grant): server_error (access_denied)", error.Message);
        Assert.DoesNotContain("wrong-secret-17", error.ToString());
        Assert.Equal(1, await host.SnRequestCountAsync(TokenRoute));
    }
}
