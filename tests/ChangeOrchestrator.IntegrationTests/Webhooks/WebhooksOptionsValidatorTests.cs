using ChangeOrchestrator.Connectors;
using ChangeOrchestrator.Patching.ChangeRequests.Events;
using ChangeOrchestrator.Server.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.IntegrationTests.Webhooks;

public sealed class WebhooksOptionsValidatorTests
{
    private static readonly List<WebhookSource> Sources = Registered();

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new WebhooksOptionsValidator(Sources).Validate(null, new WebhooksOptions()).Succeeded);

    [Fact]
    public void Validate_WrongSettings_NameEachKey()
    {
        var options = new WebhooksOptions
        {
            ReplayWindow = TimeSpan.Zero,
            MaxBodyBytes = 10,
            RateLimit = { PermitsPerSecond = 0 },
            StartRules = [new WebhookStartRule { Source = "zendesk", Input = { ["change"] = "issue..key" } }],
        };

        var failures = new WebhooksOptionsValidator(Sources).Validate(null, options).Failures!.ToList();

        foreach (var key in new[]
        {
            "Webhooks:ReplayWindow",
            "Webhooks:MaxBodyBytes", "Webhooks:RateLimit:PermitsPerSecond", "Webhooks:StartRules:0:Source",
            "Webhooks:StartRules:0:DefinitionId", "Webhooks:StartRules:0 needs an Event", "Webhooks:StartRules:0:Input:change",
        })
        {
            Assert.Contains(failures, f => f.StartsWith(key, StringComparison.Ordinal));
        }
    }

    private static List<WebhookSource> Registered()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddServiceDeskWebhooks()
            .BuildServiceProvider();
        return [.. services.GetServices<WebhookSource>()];
    }
}
