using System.Net;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Support.Server;

namespace ChangeOrchestrator.IntegrationTests.Api.Compliance;

/// <summary>The compliance API on the real server and PostgreSQL: who may read it, its JSON and CSV tables, its pages, its input checks.</summary>
public sealed class ComplianceApiTests(ComplianceApiServer fixture) : IClassFixture<ComplianceApiServer>
{
    private const string Group = ComplianceApiServer.Group;

    private readonly PostgresServer _server = fixture.Server;

    [Fact]
    public async Task Get_WithoutKey_IsUnauthorized()
    {
        using var anonymous = _server.Server.ClientWithKey(null);

        using var response = await anonymous.GetAsync("/api/compliance/trend");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Sla_AsViewer_ListsBreachAndShowsException()
    {
        using var viewer = _server.Server.ClientWithKey(TestKeys.ByRole["Viewer"]);

        var page = JsonNode.Parse(await viewer.GetStringAsync($"/api/compliance/sla?group={Group}"))!;
        var rows = page["items"]!.AsArray();
        var breached = JsonNode.Parse(await viewer.GetStringAsync($"/api/compliance/sla?group={Group}&status=Breached"))!["items"]!.AsArray();

        Assert.Equal(2, rows.Count);
        Assert.Equal("i-api1", Assert.Single(breached)!["serverId"]!.GetValue<string>());
        var excepted = rows.Single(r => r!["status"]!.GetValue<string>() == "Excepted")!;
        Assert.Equal("i-api2", excepted["serverId"]!.GetValue<string>());
        Assert.Equal("ciso@example.com", excepted["exceptionApprover"]!.GetValue<string>());
        Assert.Equal(10, breached[0]!["ageDays"]!.GetValue<int>());
        Assert.Equal(2, page["total"]!.GetValue<int>());
        Assert.Equal(
            ["Critical Breached 1", "Critical Excepted 1"],
            page["counts"]!.AsArray().Select(c => $"{c!["severity"]} {c["status"]} {c["count"]}"));
    }

    [Fact]
    public async Task Servers_PagedByOne_EachPageFollowsTheLastAndCarriesTheTotal()
    {
        using var viewer = _server.Server.ClientWithKey(TestKeys.ByRole["Viewer"]);

        var first = JsonNode.Parse(await viewer.GetStringAsync($"/api/compliance/servers?group={Group}&nonCompliantOnly=false&limit=2"))!;
        var second = JsonNode.Parse(await viewer.GetStringAsync(
            $"/api/compliance/servers?group={Group}&nonCompliantOnly=false&limit=2&after={Uri.EscapeDataString(first["next"]!.GetValue<string>())}"))!;

        Assert.Equal(3, first["total"]!.GetValue<int>());
        Assert.Equal(["i-api1", "i-api2"], first["items"]!.AsArray().Select(s => s!["serverId"]!.GetValue<string>()));
        Assert.Equal(["i-api3"], second["items"]!.AsArray().Select(s => s!["serverId"]!.GetValue<string>()));
        Assert.Null(second["next"]);
    }

    [Fact]
    public async Task Tables_AsCsv_HaveHeaderRowsAndEscapedFormulas()
    {
        using var viewer = _server.Server.ClientWithKey(TestKeys.ByRole["Viewer"]);

        using var trend = await viewer.GetAsync($"/api/compliance/trend?group={Group}&days=90&format=csv");
        var trendCsv = await trend.Content.ReadAsStringAsync();
        var top = await viewer.GetStringAsync($"/api/compliance/top-patches?group={Group}&format=csv");
        var servers = await viewer.GetStringAsync($"/api/compliance/servers?group={Group}&nonCompliantOnly=false&format=csv");
        var changes = await viewer.GetStringAsync($"/api/compliance/changes?group={Group}&format=csv");
        var history = await viewer.GetStringAsync("/api/compliance/servers/i-api1/history?format=csv");

        Assert.Equal("text/csv", trend.Content.Headers.ContentType!.MediaType);
        var trendLines = trendCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Day,PatchGroup,Servers,Compliant,CompliancePercent,CriticalNonCompliant,PendingReboot,MissingPatches", trendLines[0]);
        Assert.EndsWith($",{Group},3,1,33.3,2,0,2", trendLines[1], StringComparison.Ordinal);
        Assert.Contains("KB5049983", top, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", top, StringComparison.Ordinal);
        Assert.Contains(",2,i-api1 i-api2", top, StringComparison.Ordinal);
        Assert.Equal(4, servers.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("jira,Api-Prod,1,0,1,0,0,1,120", changes, StringComparison.Ordinal);
        Assert.Contains("scheduled-scan", history, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/compliance/trend?days=0", "days")]
    [InlineData("/api/compliance/trend?days=400", "days")]
    [InlineData("/api/compliance/sla?format=xml", "format")]
    [InlineData("/api/compliance/top-patches?limit=0", "limit")]
    [InlineData("/api/compliance/servers?limit=501", "limit")]
    [InlineData("/api/compliance/servers?after=not-a-token", "after")]
    [InlineData("/api/compliance/sla?after=AA.AA", "after")]
    [InlineData("/api/compliance/trend?days=ten", "days")]
    [InlineData("/api/compliance/servers?nonCompliantOnly=maybe", "nonCompliantOnly")]
    [InlineData("/api/compliance/sla?status=Late", "status")]
    public async Task Get_BadQuery_IsRefusedNamingTheParameter(string url, string field)
    {
        using var viewer = _server.Server.ClientWithKey(TestKeys.ByRole["Viewer"]);

        using var response = await viewer.GetAsync(url);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem["errors"]![field]);
    }
}
