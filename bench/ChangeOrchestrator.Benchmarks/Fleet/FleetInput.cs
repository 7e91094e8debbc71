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

    /// <summary>Every SSM and EC2 progress read, first and longest alike: no backoff, on any clock.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private const int CanaryPercent = 25;

    private const string MaxConcurrency = "50%";

    /// <summary>How the report states the inputs, from the values the change is given.</summary>
    public static string Described => string.Create(CultureInfo.InvariantCulture,
        $"SSM and EC2 progress read every {PollInterval.TotalSeconds} s (first and longest interval alike, on every clock), the approval every {ApprovalPollInterval.TotalSeconds} s, soak {Soak.TotalSeconds} s, canary {CanaryPercent}%, MaxConcurrency {MaxConcurrency}");

    public static JsonObject Create(DateTimeOffset now, string environment) => new()
    {
        ["desk"] = "servicenow",
        ["patchGroup"] = environment,
        ["environment"] = environment,
        ["windowStart"] = now.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture),
        ["windowEnd"] = now.AddHours(4).ToString("O", CultureInfo.InvariantCulture),
        ["approvalPollInterval"] = Iso(ApprovalPollInterval),
        ["pollInterval"] = Iso(PollInterval),
        ["maxPollInterval"] = Iso(PollInterval),
        ["soak"] = Iso(Soak),
        ["validationRetryInterval"] = "PT1S",
        ["canaryPercent"] = CanaryPercent,
        ["maxConcurrency"] = MaxConcurrency,
        ["maxErrors"] = "100%",
        ["failureThreshold"] = "0",
    };

    private static string Iso(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"PT{span.TotalSeconds}S");
}
