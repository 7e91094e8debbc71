using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Tests.Jira;

public sealed class JiraSimulatorOptionsValidatorTests
{
    [Fact]
    public async Task StartAsync_TransitionToUnknownStatus_FailsNamingTheKey()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Simulators:Jira:Workflow:Statuses:0:Id"] = "1",
            ["Simulators:Jira:Workflow:Statuses:0:Name"] = "Open",
            ["Simulators:Jira:Workflow:Statuses:0:Category"] = "new",
            ["Simulators:Jira:Workflow:Transitions:0:Id"] = "11",
            ["Simulators:Jira:Workflow:Transitions:0:Name"] = "Go",
            ["Simulators:Jira:Workflow:Transitions:0:From:0"] = "1",
            ["Simulators:Jira:Workflow:Transitions:0:To"] = "404",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SimulatorHost.StartAsync(settings));

        Assert.Contains(error.Failures, f => f.Contains("Simulators:Jira:Workflow:Transitions:0", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Simulators:Jira:Approval", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_LowerCaseProjectKeyAndBadWebhookUrl_FailsNamingBothKeys()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Simulators:Jira:ProjectKey"] = "itops",
            ["Simulators:Jira:Webhooks:0:Url"] = "ftp://example.com/hook",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SimulatorHost.StartAsync(settings));

        Assert.Contains(error.Failures, f => f.Contains("Simulators:Jira:ProjectKey", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("Simulators:Jira:Webhooks:0:Url", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartAsync_CustomWorkflowWithApprovalStep_RunsThatWorkflow()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Simulators:Jira:Workflow:Statuses:0:Id"] = "1",
            ["Simulators:Jira:Workflow:Statuses:0:Name"] = "Open",
            ["Simulators:Jira:Workflow:Statuses:0:Category"] = "new",
            ["Simulators:Jira:Workflow:Statuses:1:Id"] = "2",
            ["Simulators:Jira:Workflow:Statuses:1:Name"] = "Authorize",
            ["Simulators:Jira:Workflow:Statuses:2:Id"] = "3",
            ["Simulators:Jira:Workflow:Statuses:2:Name"] = "Closed",
            ["Simulators:Jira:Workflow:Statuses:2:Category"] = "done",
            ["Simulators:Jira:Workflow:Transitions:0:Id"] = "11",
            ["Simulators:Jira:Workflow:Transitions:0:Name"] = "Submit",
            ["Simulators:Jira:Workflow:Transitions:0:From:0"] = "1",
            ["Simulators:Jira:Workflow:Transitions:0:To"] = "2",
            ["Simulators:Jira:Workflow:Transitions:1:Id"] = "21",
            ["Simulators:Jira:Workflow:Transitions:1:Name"] = "Authorized",
            ["Simulators:Jira:Workflow:Transitions:1:From:0"] = "2",
            ["Simulators:Jira:Workflow:Transitions:1:To"] = "3",
            ["Simulators:Jira:Workflow:Transitions:2:Id"] = "31",
            ["Simulators:Jira:Workflow:Transitions:2:Name"] = "Rejected",
            ["Simulators:Jira:Workflow:Transitions:2:From:0"] = "2",
            ["Simulators:Jira:Workflow:Transitions:2:To"] = "3",
            ["Simulators:Jira:Approval:StatusId"] = "2",
            ["Simulators:Jira:Approval:ApprovedTransitionId"] = "21",
            ["Simulators:Jira:Approval:RejectedTransitionId"] = "31",
        };

        await using var site = await JiraTestSite.StartAsync(settings);
        var key = await site.CreateChangeAsync();
        var initial = await site.StatusOfAsync(key);
        await site.TransitionAsync(key, "Submit");
        var submitted = await site.StatusOfAsync(key);
        await site.Control.ExecuteAsync(new RestSharp.RestRequest($"issues/{key}/approve", RestSharp.Method.Post));

        Assert.Equal("Open", initial);
        Assert.Equal("Authorize", submitted);
        Assert.Equal("Closed", await site.StatusOfAsync(key));
    }
}
