using System.Globalization;

namespace ChangeOrchestrator.Server.Sandbox;

/// <summary>
/// In sandbox mode the connectors talk over real HTTP to the simulators the server itself mounts, with the
/// simulators' built-in credentials. Only keys the user left unset are filled in, so a sandbox can still be pointed at
/// a real desk or account one setting at a time.
/// </summary>
internal static class SandboxConnections
{
    /// <summary>Where ASP.NET Core listens when no URL is configured.</summary>
    private static readonly Uri DefaultListenUrl = new("http://localhost:5000");

    public static IReadOnlyDictionary<string, string?> Defaults(IConfiguration configuration)
    {
        var self = SelfUrl(configuration);
        var defaults = new Dictionary<string, string?>
        {
            ["ServiceDesk:ServiceNow:BaseUrl"] = new Uri(self, "sim/servicenow").ToString(),
            ["ServiceDesk:ServiceNow:User"] = "admin",
            ["ServiceDesk:ServiceNow:Password"] = "admin",
            ["ServiceDesk:ServiceNow:AssignmentGroup"] = "Server Operations",
            ["ServiceDesk:Jira:BaseUrl"] = new Uri(self, "sim/jira").ToString(),
            ["ServiceDesk:Jira:Email"] = "orchestrator@example.com",
            ["ServiceDesk:Jira:ApiToken"] = "sim-orchestrator-token",
            ["ServiceDesk:Jira:ProjectKey"] = "ITOPS",
            ["Aws:Region"] = "us-east-1",
            ["Aws:ServiceUrl"] = new Uri(self, "sim/aws").ToString(),
            ["Aws:AccessKeyId"] = "sandbox",
            ["Aws:SecretAccessKey"] = "sandbox",

            // The CMDB knows the simulated fleet, so a patch change's servers are found as affected CIs.
            ["Simulators:ServiceNow:Cmdb:ImportAwsFleet"] = "true",

            // The change calendar the simulated account holds, so workflows can name it in calendarNames.
            ["AllowedValues:ChangeCalendars:0"] = "ChangeFreeze",
        };
        return defaults
            .Where(pair => string.IsNullOrEmpty(configuration[pair.Key]))
            .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The server's own address: <c>Sandbox:BaseUrl</c>, else the first listening URL with a wildcard host replaced
    /// by the loopback address. A listening port of 0 is only known after start-up, too late for the connectors.
    /// </summary>
    public static Uri SelfUrl(IConfiguration configuration)
    {
        var configured = configuration[SandboxOptions.Section + ":" + nameof(SandboxOptions.BaseUrl)];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return WithTrailingSlash(Parse(configured, "Sandbox:BaseUrl"));
        }

        var urls = configuration["urls"];
        var first = string.IsNullOrWhiteSpace(urls)
            ? DefaultListenUrl
            : Parse(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0]
                .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://+", "://127.0.0.1", StringComparison.Ordinal), "urls");
        if (first.Port == 0)
        {
            throw new InvalidOperationException(
                $"The sandbox listens on {first} (a port chosen at start-up), so its connectors cannot know where its simulators are: set Sandbox:BaseUrl.");
        }

        var host = first.Host is "0.0.0.0" or "[::]" ? "127.0.0.1" : first.Host;
        return WithTrailingSlash(new UriBuilder(first) { Host = host }.Uri);
    }

    private static Uri Parse(string value, string key) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{key} must be an absolute http(s) URL; '{value}' is not."));

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
}
