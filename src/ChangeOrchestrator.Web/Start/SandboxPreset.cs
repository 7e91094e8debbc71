using System.Globalization;

namespace ChangeOrchestrator.Web.Start;

/// <summary>
/// The sandbox's patch change, as the README's walk-through starts it: the Prod patch group, a window open from now
/// for four hours, and polls short enough to watch the change move in minutes.
/// </summary>
public static class SandboxPreset
{
    public const string DefinitionId = "patch-change";

    public static IReadOnlyDictionary<string, string> For(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["patchGroup"] = "Prod",
        ["environment"] = "Prod",
        ["windowStart"] = Instant(now),
        ["windowEnd"] = Instant(now.AddHours(4)),
        ["maxConcurrency"] = "50%",
        ["pollInterval"] = "PT5S",
        ["maxPollInterval"] = "PT15S",
        ["soak"] = "PT10S",
        ["approvalPollInterval"] = "PT1M",
    };

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
