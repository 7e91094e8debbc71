using ChangeOrchestrator.Connectors.Jira;
using ChangeOrchestrator.Connectors.Jira.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Tests.Jira.Webhooks;

public sealed class JiraWebhookSourceOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(Validator([]).Validate(null, new JiraWebhookSourceOptions()).Succeeded);

    [Fact]
    public void Validate_WrongSecrets_NameEachKey()
    {
        var options = new JiraWebhookSourceOptions { Secrets = ["short", "jira-secret-long-enough-1", "jira-secret-long-enough-2"] };

        var failures = Validator([]).Validate(null, options).Failures!.ToList();

        foreach (var key in new[] { "Webhooks:Jira:Secrets holds 3", "Webhooks:Jira:Secrets:0" })
        {
            Assert.Contains(failures, f => f.StartsWith(key, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_StatusKeysReadBefore_NameTheOldAndTheNewKey()
    {
        var validator = Validator(new()
        {
            ["Webhooks:Jira:ApprovedStatuses"] = "Authorized",
            ["Webhooks:Jira:DeclinedStatuses"] = "Refused",
            ["Webhooks:Jira:CancelledStatuses"] = "Withdrawn",
        });

        var failures = validator.Validate(null, new JiraWebhookSourceOptions()).Failures!.ToList();

        Assert.Equal(
            [
                "Webhooks:Jira:ApprovedStatuses is no longer read: name these statuses in ServiceDesk:Jira:Statuses:Scheduled instead.",
                "Webhooks:Jira:DeclinedStatuses is no longer read: name these statuses in ServiceDesk:Jira:Statuses:Declined instead.",
                "Webhooks:Jira:CancelledStatuses is no longer read: name these statuses in ServiceDesk:Jira:Statuses:Canceled instead.",
            ],
            failures);
    }

    [Fact]
    public void Validate_ConfiguredWithoutDeclinedStatus_NamesTheStatusKey()
    {
        var options = new JiraWebhookSourceOptions { Secrets = ["jira-secret-long-enough-1"] };

        var failures = Validator([], new JiraStatusNames { Declined = " , " }).Validate(null, options).Failures!;

        Assert.Equal(["ServiceDesk:Jira:Statuses:Declined must name at least one status."], failures);
    }

    private static JiraWebhookSourceOptionsValidator Validator(Dictionary<string, string?> settings, JiraStatusNames? statuses = null) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Options.Create(statuses ?? new JiraStatusNames()));
}
