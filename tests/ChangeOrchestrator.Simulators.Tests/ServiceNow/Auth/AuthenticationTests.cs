using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.ServiceNow.Auth;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Request_WithoutCredentials_Returns401Envelope()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();

        var response = await sn.Anonymous().GetJsonAsync("api/now/table/change_request");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("User Not Authenticated", response.ErrorMessage);
        Assert.Equal("Required to provide Auth information", response.ErrorDetail);
        Assert.Equal("failure", response.Json!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Request_WrongPassword_Returns401()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();

        var response = await sn.ClientFor("admin", "wrong").GetJsonAsync("api/now/table/change_request");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("User Not Authenticated", response.ErrorMessage);
    }

    [Fact]
    public async Task PasswordGrant_TokenThenBearerCallThenRefresh_AllSucceed()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();

        var token = await RequestTokenAsync(sn, ("grant_type", "password"), ("username", "beth.anglin"), ("password", "beth.anglin"));
        var created = await sn.WithBearer(token.Text("access_token")).SendAsync(Method.Post, "api/now/table/change_request", new { short_description = "Via OAuth" });
        var refreshed = await RequestTokenAsync(sn, ("grant_type", "refresh_token"), ("refresh_token", token.Text("refresh_token")));
        var read = await sn.WithBearer(refreshed.Text("access_token")).GetJsonAsync("api/now/table/change_request/" + created.Result.Text("sys_id"));

        Assert.Equal("Bearer", token.Text("token_type"));
        Assert.Equal(1799, token["expires_in"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("beth.anglin", created.Result.Text("sys_created_by"));
        Assert.NotEqual(token.Text("access_token"), refreshed.Text("access_token"));
        Assert.Equal(HttpStatusCode.OK, read.Status);
    }

    [Fact]
    public async Task ClientCredentialsGrant_Token_ActsAsTheApplicationUserWithoutRefreshToken()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();

        var token = await RequestTokenAsync(sn, ("grant_type", "client_credentials"));
        var created = await sn.WithBearer(token.Text("access_token")).SendAsync(Method.Post, "api/now/table/change_request", new { short_description = "App" });

        Assert.Null(token["refresh_token"]);
        Assert.Equal("admin", created.Result.Text("sys_created_by"));
    }

    [Fact]
    public async Task ClientCredentialsGrant_Disabled_Returns401OAuthError()
    {
        await using var sn = await ServiceNowTestHost.StartAsync(new Dictionary<string, string?> { ["Simulators:ServiceNow:OAuth:ClientCredentialsEnabled"] = "false" });

        var response = await TokenResponseAsync(sn, ("grant_type", "client_credentials"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("access_denied", response.Json!.Text("error"));
    }

    [Fact]
    public async Task TokenEndpoint_WrongClientSecret_Returns401InOAuthShape()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();

        var response = await TokenResponseAsync(sn, ("grant_type", "password"), ("username", "admin"), ("password", "admin"), ("client_secret", "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("server_error", response.Json!.Text("error"));
        Assert.Equal("access_denied", response.Json!.Text("error_description"));
        Assert.Null(response.Json!["status"]);
    }

    [Fact]
    public async Task TokenEndpoint_UnknownGrantType_Returns400()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();

        var response = await TokenResponseAsync(sn, ("grant_type", "implicit"));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("unsupported_grant_type", response.Json!.Text("error"));
    }

    [Fact]
    public async Task BearerToken_AfterItsLifetime_Returns401()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var sn = await ServiceNowTestHost.StartAsync(timeProvider: time);
        var token = await RequestTokenAsync(sn, ("grant_type", "password"), ("username", "admin"), ("password", "admin"));
        var client = sn.WithBearer(token.Text("access_token"));

        var fresh = await client.GetJsonAsync("api/now/table/change_request");
        time.Advance(TimeSpan.FromSeconds(1799));
        var expired = await client.GetJsonAsync("api/now/table/change_request");

        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Equal("User Not Authenticated", expired.ErrorMessage);
    }

    [Fact]
    public async Task BearerToken_ExpiredThroughControlApi_Returns401()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        var token = await RequestTokenAsync(sn, ("grant_type", "client_credentials"));

        var expired = await sn.SendAsync(Method.Post, "tokens/expire");
        var response = await sn.WithBearer(token.Text("access_token")).GetJsonAsync("api/now/table/change_request");

        Assert.Equal(1, expired["expired"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task Write_ByUserWithoutRoles_Returns403ButReadSucceeds()
    {
        await using var sn = await ServiceNowTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Simulators:ServiceNow:Users:0:UserName"] = "admin",
            ["Simulators:ServiceNow:Users:0:Password"] = "admin",
            ["Simulators:ServiceNow:Users:0:Roles:0"] = "admin",
            ["Simulators:ServiceNow:Users:1:UserName"] = "viewer",
            ["Simulators:ServiceNow:Users:1:Password"] = "viewer-password",
            ["Simulators:ServiceNow:Approvals:AssessApprovers"] = "",
            ["Simulators:ServiceNow:Approvals:AuthorizeApprovers"] = "admin",
        });
        var viewer = sn.ClientFor("viewer", "viewer-password");

        var read = await viewer.GetJsonAsync("api/now/table/change_request");
        var write = await viewer.SendAsync(Method.Post, "api/now/table/change_request", new { short_description = "Nope" });

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(HttpStatusCode.Forbidden, write.Status);
        Assert.Equal("Operation Failed", write.ErrorMessage);
        Assert.Equal("ACL Exception Insert Failed due to security constraints", write.ErrorDetail);
    }

    [Fact]
    public async Task Start_ApproverWhoIsNoUser_FailsNamingTheKey()
    {
        var start = () => ServiceNowTestHost.StartAsync(new Dictionary<string, string?> { ["Simulators:ServiceNow:Approvals:AssessApprovers"] = "nobody" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(start);

        Assert.Contains("Simulators:ServiceNow:Approvals:AssessApprovers", error.Message);
    }

    private static async Task<JsonNode> RequestTokenAsync(ServiceNowTestHost sn, params (string Name, string Value)[] fields)
    {
        var response = await TokenResponseAsync(sn, fields);
        Assert.True(response.Status == HttpStatusCode.OK, response.Raw.Content);
        return response.Json!;
    }

    private static async Task<JsonResponse> TokenResponseAsync(ServiceNowTestHost sn, params (string Name, string Value)[] fields)
    {
        var request = new RestRequest("oauth_token.do", Method.Post);
        request.AddHeader("Accept", "application/json");
        var all = new Dictionary<string, string> { ["client_id"] = "changeorchestrator", ["client_secret"] = "changeorchestrator-secret" };
        foreach (var (name, value) in fields)
        {
            all[name] = value;
        }

        foreach (var (name, value) in all)
        {
            request.AddParameter(name, value);
        }

        return await sn.Anonymous().SendAsync(request);
    }
}
