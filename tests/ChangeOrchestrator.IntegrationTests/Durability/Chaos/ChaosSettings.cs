using System.Globalization;

namespace ChangeOrchestrator.IntegrationTests.Durability.Chaos;

/// <summary>
/// The size of a chaos run: the short form by default (what CI runs), the full form from the environment that
/// <c>bench/chaos.sh</c> sets (<c>CHAOS_CHANGES</c>, <c>CHAOS_KILL_MIN_SECONDS</c>, <c>CHAOS_KILL_MAX_SECONDS</c>, <c>CHAOS_KILLS</c>).
/// </summary>
internal sealed record ChaosSettings(int Changes, int MinKills, TimeSpan KillMin, TimeSpan KillMax, TimeSpan Limit)
{
    public static ChaosSettings FromEnvironment() => new(
        Read("CHAOS_CHANGES", 10),
        Read("CHAOS_KILLS", 5),
        TimeSpan.FromSeconds(Read("CHAOS_KILL_MIN_SECONDS", 3)),
        TimeSpan.FromSeconds(Read("CHAOS_KILL_MAX_SECONDS", 6)),
        TimeSpan.FromSeconds(Read("CHAOS_LIMIT_SECONDS", 150)));

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
