using System.Globalization;
using System.Security.Cryptography;
using ChangeOrchestrator.Connectors.Jira.Webhooks;
using ChangeOrchestrator.Connectors.ServiceNow.Webhooks;
using ChangeOrchestrator.Patching.ChangeRequests.Events;
using ChangeOrchestrator.Server.Sandbox;

namespace ChangeOrchestrator.Server.Hosting;

/// <summary>
/// In the sandbox the simulated desks send their webhooks to this server, as real ones would be configured to: the
/// ServiceNow business rule posts to <c>/webhooks/servicenow</c> with a shared secret and the Jira admin webhook to
/// <c>/webhooks/jira</c> with a signing secret. Approving on a simulated approval page then resumes the waiting
/// workflow by itself. Secrets nobody configured are generated for this run; keys the user set are left alone.
/// </summary>
internal static class WebhookSandbox
{
    private const string ServiceNowSimulator = "Simulators:ServiceNow:Notifications:";
    private const string JiraSimulatorWebhooks = "Simulators:Jira:Webhooks";
    private const string ServiceNowWebhooks = WebhookSourceOptions.Section + ":ServiceNow:";
    private const string JiraWebhooks = WebhookSourceOptions.Section + ":Jira:";

    /// <summary>
    /// Adds the defaults unless <c>Sandbox:Enabled</c> is false. The server's configuration is a ConfigurationManager:
    /// sources added here are seen by every options binding, including the simulators', which are bound when first resolved.
    /// </summary>
    public static void Apply(IConfiguration configuration)
    {
        if (configuration.GetValue(SandboxOptions.Section + ":" + nameof(SandboxOptions.Enabled), true) && configuration is IConfigurationBuilder builder)
        {
            builder.AddInMemoryCollection(Defaults(configuration));
        }
    }

    public static IReadOnlyDictionary<string, string?> Defaults(IConfiguration configuration)
    {
        var self = SandboxConnections.SelfUrl(configuration);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        AddServiceNow(configuration, new Uri(self, "webhooks/servicenow").ToString(), settings);
        AddJira(configuration, new Uri(self, "webhooks/jira").ToString(), settings);
        return settings;
    }

    private static void AddServiceNow(IConfiguration configuration, string url, Dictionary<string, string?> settings)
    {
        var secret = configuration[ServiceNowWebhooks + "Secrets:0"];
        if (string.IsNullOrEmpty(secret))
        {
            var simulatorSecret = configuration[ServiceNowSimulator + "Secret"];
            secret = string.IsNullOrEmpty(simulatorSecret) ? Generate() : simulatorSecret;
            settings[ServiceNowWebhooks + "Secrets:0"] = secret;
        }

        SetIfUnset(configuration, settings, ServiceNowSimulator + "Secret", secret);
        if (string.Equals(configuration[ServiceNowWebhooks + "Mode"], nameof(ServiceNowWebhookAuthMode.Basic), StringComparison.OrdinalIgnoreCase))
        {
            var user = configuration[ServiceNowWebhooks + "UserName"];
            if (string.IsNullOrEmpty(user))
            {
                user = "sandbox-servicenow";
                settings[ServiceNowWebhooks + "UserName"] = user;
            }

            SetIfUnset(configuration, settings, ServiceNowSimulator + "AuthMode", "Basic");
            SetIfUnset(configuration, settings, ServiceNowSimulator + "BasicUserName", user);
            SetIfUnset(configuration, settings, ServiceNowSimulator + "BasicPassword", secret);
        }
        else if (configuration[ServiceNowWebhooks + "HeaderName"] is { Length: > 0 } header)
        {
            SetIfUnset(configuration, settings, ServiceNowSimulator + "SecretHeader", header);
        }

        var urls = configuration.GetSection(ServiceNowSimulator + "Urls").GetChildren().ToList();
        if (!urls.Any(u => string.Equals(u.Value, url, StringComparison.OrdinalIgnoreCase)))
        {
            settings[ServiceNowSimulator + "Urls:" + NextIndex(urls)] = url;
        }
    }

    private static void AddJira(IConfiguration configuration, string url, Dictionary<string, string?> settings)
    {
        var secret = configuration[JiraWebhooks + "Secrets:0"];
        if (string.IsNullOrEmpty(secret))
        {
            secret = Generate();
            settings[JiraWebhooks + "Secrets:0"] = secret;
        }

        var seeded = configuration.GetSection(JiraSimulatorWebhooks).GetChildren().ToList();
        if (seeded.Any(w => string.Equals(w["Url"], url, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var prefix = JiraSimulatorWebhooks + ":" + NextIndex(seeded) + ":";
        settings[prefix + "Name"] = "ChangeOrchestrator";
        settings[prefix + "Url"] = url;
        settings[prefix + "Events:0"] = JiraWebhookEvents.IssueCreated;
        settings[prefix + "Events:1"] = JiraWebhookEvents.IssueUpdated;
        settings[prefix + "Secret"] = secret;
    }

    private static void SetIfUnset(IConfiguration configuration, Dictionary<string, string?> settings, string key, string value)
    {
        if (string.IsNullOrEmpty(configuration[key]))
        {
            settings[key] = value;
        }
    }

    private static string NextIndex(List<IConfigurationSection> children) =>
        (children.Select(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i + 1 : 0).DefaultIfEmpty(0).Max())
            .ToString(CultureInfo.InvariantCulture);

    private static string Generate() => "sbx_whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
