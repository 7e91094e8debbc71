using System.Globalization;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Benchmarks.Fleet;

/// <summary>
/// The change's inputs: a whole patch group, Prod for the measured change (no ids: a change of thousands of servers is
/// chosen by group and tags), an agreed window open now, polls and approval reads at the shortest
/// the workflow accepts (a second) and the soak shortened to a fraction of one to match the simulators' fast clock.
/// </summary>
internal static class FleetInput
{
    public static readonly TimeSpan Soak = TimeSpan.FromSeconds(0.3);

    public static readonly TimeSpan ApprovalPollInterval = TimeSpan.FromSeconds(1);

    public static JsonObject Create(DateTimeOffset now, string environment) => new()
    {
        ["desk"] = "servicenow",
        ["patchGroup"] = environment,
        ["environment"] = environment,
        ["windowStart"] = now.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture),
        ["windowEnd"] = now.AddHours(4).ToString("O", CultureInfo.InvariantCulture),
        ["approvalPollInterval"] = Iso(ApprovalPollInterval),
        ["pollInterval"] = "PT1S",
        ["maxPollInterval"] = "PT1S",
        ["soak"] = Iso(Soak),
        ["validationRetryInterval"] = "PT1S",
        ["canaryPercent"] = 25,
        ["maxConcurrency"] = "50%",
        ["maxErrors"] = "100%",
        ["failureThreshold"] = "0",
    };

    private static string Iso(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"PT{span.TotalSeconds}S");
}
