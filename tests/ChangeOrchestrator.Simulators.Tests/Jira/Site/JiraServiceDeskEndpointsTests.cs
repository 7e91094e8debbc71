using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira.Site;

public sealed class JiraServiceDeskEndpointsTests
{
    [Fact]
    public async Task ListServiceDesks_ConfiguredSite_LinksTheDeskToTheProject()
    {
        await using var site = await JiraTestSite.StartAsync(new Dictionary<string, string?>
        {
            ["Simulators:Jira:ServiceDeskId"] = "7",
            ["Simulators:Jira:ProjectKey"] = "CHG",
        });

        var desks = (await site.Orchestrator.ExecuteAsync(new RestRequest("rest/servicedeskapi/servicedesk"))).Json();

        var desk = Assert.Single(desks["values"]!.AsArray())!;
        Assert.Equal("7", desk["id"]!.GetValue<string>());
        Assert.Equal("CHG", desk["projectKey"]!.GetValue<string>());
        Assert.Equal("10000", desk["projectId"]!.GetValue<string>());
    }
}
