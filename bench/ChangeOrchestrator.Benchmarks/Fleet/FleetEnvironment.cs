using System.Globalization;
using ChangeOrchestrator.Benchmarks.Running;

namespace ChangeOrchestrator.Benchmarks.Fleet;

/// <summary>
/// The configuration of the two processes of a fleet run: the simulators with a fleet of a given size on a fast clock,
/// and the server on PostgreSQL running the repository's patch-change workflow against them.
/// </summary>
internal static class FleetEnvironment
{
    public const string ApiKey = "bench-fleet-operator-key";

    public const string ServiceNowUser = "admin";

    public const string ServiceNowPassword = "admin";

    public static Dictionary<string, string> Simulators(int fleetSize, double timeScale, int seed) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Simulators__Clock__TimeScale"] = timeScale.ToString(CultureInfo.InvariantCulture),
        ["Simulators__Aws__FleetSize"] = fleetSize.ToString(CultureInfo.InvariantCulture),
        ["Simulators__Aws__Seed"] = seed.ToString(CultureInfo.InvariantCulture),
        ["Simulators__Aws__RateLimits__Enabled"] = "true",
    };

    public static Dictionary<string, string> Server(string connectionString, string workflowsFolder, Uri simulators, double timeScale) => new(
        ServerEnvironment.Postgres(connectionString, workflowsFolder, keyName: "bench-fleet", ApiKey, role: "Operator"))
    {
        ["Runtime__TimerPollInterval"] = "00:00:00.050",

        // The API's body limit and the expression limits stay at their defaults: the change names its servers by patch
        // group, not by id, and no expression of the workflow holds a per-server list.
        ["ServiceDesk__ServiceNow__BaseUrl"] = new Uri(simulators, "sim/servicenow").ToString(),
        ["ServiceDesk__ServiceNow__User"] = ServiceNowUser,
        ["ServiceDesk__ServiceNow__Password"] = ServiceNowPassword,
        ["ServiceDesk__ServiceNow__AssignmentGroup"] = "Server Operations",
        ["ServiceDesk__ServiceNow__Resilience__BaseDelay"] = "00:00:00.005",
        ["ServiceDesk__ServiceNow__Resilience__MaxDelay"] = "00:00:00.020",
        ["ServiceDesk__Jira__BaseUrl"] = new Uri(simulators, "sim/jira").ToString(),
        ["ServiceDesk__Jira__Email"] = "orchestrator@example.com",
        ["ServiceDesk__Jira__ApiToken"] = "sim-orchestrator-token",
        ["ServiceDesk__Jira__ProjectKey"] = "ITOPS",
        ["Aws__Region"] = "us-east-1",
        ["Aws__ServiceUrl"] = new Uri(simulators, "sim/aws").ToString().TrimEnd('/'),
        ["Aws__AccessKeyId"] = "test",
        ["Aws__SecretAccessKey"] = "test",
        ["Aws__MaxRetries"] = "2",
        ["Aws__RetryBaseDelay"] = "00:00:00.050",

        // The simulator throttles at AWS's rates in its own time, which runs timeScale times faster: the buckets keep pace.
        ["Aws__RateLimitScale"] = timeScale.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The repository's workflows/patch-change.json, found above the benchmark's build output.</summary>
    public static string PatchChangeWorkflow()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var file = Path.Combine(folder.FullName, "workflows", "patch-change.json");
            if (File.Exists(Path.Combine(folder.FullName, "ChangeOrchestrator.sln")) && File.Exists(file))
            {
                return file;
            }
        }

        throw new InvalidOperationException($"No workflows/patch-change.json in a repository above {AppContext.BaseDirectory}.");
    }
}
