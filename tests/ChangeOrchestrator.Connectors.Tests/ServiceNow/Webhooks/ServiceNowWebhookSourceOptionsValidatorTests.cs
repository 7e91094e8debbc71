using ChangeOrchestrator.Connectors.ServiceNow.Webhooks;

namespace ChangeOrchestrator.Connectors.Tests.ServiceNow.Webhooks;

public sealed class ServiceNowWebhookSourceOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new ServiceNowWebhookSourceOptionsValidator().Validate(null, new ServiceNowWebhookSourceOptions()).Succeeded);

    [Fact]
    public void Validate_WrongSettings_NameEachKey()
    {
        var options = new ServiceNowWebhookSourceOptions { Secrets = ["servicenow-secret-long-1", "short"], Mode = ServiceNowWebhookAuthMode.Basic, DeliveryIdHeader = "X Id" };

        var failures = new ServiceNowWebhookSourceOptionsValidator().Validate(null, options).Failures!.ToList();

        foreach (var key in new[] { "Webhooks:ServiceNow:UserName", "Webhooks:ServiceNow:Secrets:1", "Webhooks:ServiceNow:DeliveryIdHeader" })
        {
            Assert.Contains(failures, f => f.StartsWith(key, StringComparison.Ordinal));
        }
    }
}
