using ChangeOrchestrator.Patching.ChangeRequests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Tests.ServiceDesk;

public sealed class ServiceDeskServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddServiceDesks_BothConfigured_ResolvesEachByName()
    {
        await using var services = Build(new()
        {
            ["ServiceDesk:ServiceNow:BaseUrl"] = "https://acme.service-now.com",
            ["ServiceDesk:ServiceNow:User"] = "integration",
            ["ServiceDesk:ServiceNow:Password"] = "secret",
            ["ServiceDesk:Jira:BaseUrl"] = "https://acme.atlassian.net",
            ["ServiceDesk:Jira:Email"] = "bot@acme.example",
            ["ServiceDesk:Jira:ApiToken"] = "token",
            ["ServiceDesk:Jira:ProjectKey"] = "ITOPS",
        });
        services.GetRequiredService<IStartupValidator>().Validate();
        var resolver = services.GetRequiredService<IServiceDeskResolver>();

        Assert.Equal(["jira", "servicenow"], resolver.Names.Order());
        Assert.Equal("servicenow", resolver.Get("ServiceNow").Name);
        Assert.Equal("jira", resolver.Get("jira").Name);
    }

    [Fact]
    public async Task AddServiceDesks_OnlyJiraConfigured_NamesTheConfiguredDeskWhenAskedForAnother()
    {
        await using var services = Build(new()
        {
            ["ServiceDesk:Jira:BaseUrl"] = "https://acme.atlassian.net",
            ["ServiceDesk:Jira:BearerToken"] = "token",
            ["ServiceDesk:Jira:ProjectKey"] = "ITOPS",
        });

        var error = Assert.Throws<KeyNotFoundException>(() => services.GetRequiredService<IServiceDeskResolver>().Get("servicenow"));

        Assert.Equal("No service desk named 'servicenow' (configured: jira).", error.Message);
    }

    [Fact]
    public async Task Validate_ServiceNowSectionIncomplete_NamesEveryKeyAtFault()
    {
        await using var services = Build(new()
        {
            ["ServiceDesk:ServiceNow:BaseUrl"] = "acme.service-now.com",
            ["ServiceDesk:ServiceNow:AuthMode"] = "OAuth",
            ["ServiceDesk:ServiceNow:ClientId"] = "changeorchestrator",
            ["ServiceDesk:ServiceNow:Resilience:MaxRetryAttempts"] = "-1",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
        [
            "ServiceDesk:ServiceNow:BaseUrl must be an absolute http(s) URL such as https://acme.service-now.com.",
            "ServiceDesk:ServiceNow:ClientId and ServiceDesk:ServiceNow:ClientSecret are required when AuthMode is OAuth.",
            "ServiceDesk:ServiceNow:Resilience:MaxRetryAttempts must be between 0 and 20.",
        ], error.Failures);
    }

    [Fact]
    public async Task Validate_JiraSectionIncomplete_NamesEveryKeyAtFault()
    {
        await using var services = Build(new()
        {
            ["ServiceDesk:Jira:BaseUrl"] = "https://acme.atlassian.net",
            ["ServiceDesk:Jira:Email"] = "bot@acme.example",
            ["ServiceDesk:Jira:ProjectKey"] = "itops",
            ["ServiceDesk:Jira:Statuses:Implementing"] = " , ",
            ["ServiceDesk:Jira:Resilience:AttemptTimeout"] = "00:00:00",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
        [
            "ServiceDesk:Jira:Email with ServiceDesk:Jira:ApiToken, or ServiceDesk:Jira:BearerToken, is required (exactly one of the two).",
            "ServiceDesk:Jira:ProjectKey must be a Jira project key such as ITOPS.",
            "ServiceDesk:Jira:Statuses:Implementing must name at least one status.",
            "ServiceDesk:Jira:Resilience:AttemptTimeout must be between 10 ms and 1 day.",
        ], error.Failures);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddServiceDesks(configuration).BuildServiceProvider();
    }
}
