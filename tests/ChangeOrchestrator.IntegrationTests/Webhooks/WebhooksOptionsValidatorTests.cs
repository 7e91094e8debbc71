using ChangeOrchestrator.Server.Webhooks;

namespace ChangeOrchestrator.IntegrationTests.Webhooks;

public sealed class WebhooksOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new WebhooksOptionsValidator().Validate(null, new WebhooksOptions()).Succeeded);

    [Fact]
    public void Validate_WrongSettings_NameEachKey()
    {
        var options = new WebhooksOptions
        {
            Jira = { Secrets = ["short", "jira-secret-long-enough-1", "jira-secret-long-enough-2"] },
            ServiceNow = { Secrets = ["servicenow-secret-long-1"], Mode = ServiceNowWebhookAuthMode.Basic },
            ReplayWindow = TimeSpan.Zero,
            MaxBodyBytes = 10,
            RateLimit = { PermitsPerSecond = 0 },
            StartRules = [new WebhookStartRule { Source = "zendesk", Input = { ["change"] = "issue..key" } }],
        };

        var failures = new WebhooksOptionsValidator().Validate(null, options).Failures!.ToList();

        foreach (var key in new[]
        {
            "Webhooks:Jira:Secrets holds 3", "Webhooks:Jira:Secrets:0", "Webhooks:ServiceNow:UserName", "Webhooks:ReplayWindow",
            "Webhooks:MaxBodyBytes", "Webhooks:RateLimit:PermitsPerSecond", "Webhooks:StartRules:0:Source",
            "Webhooks:StartRules:0:DefinitionId", "Webhooks:StartRules:0 needs an Event", "Webhooks:StartRules:0:Input:change",
        })
        {
            Assert.Contains(failures, f => f.StartsWith(key, StringComparison.Ordinal));
        }
    }
}
