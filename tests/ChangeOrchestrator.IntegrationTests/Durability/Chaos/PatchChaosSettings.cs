using System.Globalization;

namespace ChangeOrchestrator.IntegrationTests.Durability.Chaos;

/// <summary>
/// The size of a patch-change chaos run. The defaults are the short form CI runs; <c>bench/chaos.sh</c> sets the
/// full and harsh forms through the environment: <c>CHAOS_CHANGES</c>, <c>CHAOS_KILLS</c> (the fewest kills),
/// <c>CHAOS_KILL_MIN_SECONDS</c>/<c>CHAOS_KILL_MAX_SECONDS</c> (the pause between kills), <c>CHAOS_NO_KILLS=1</c> (the
/// same run without kills, to compare wall times), <c>CHAOS_DB_RESTARTS</c>, <c>CHAOS_MAX_SERVERS</c> (each change
/// patches 1 to this many servers) and <c>CHAOS_LIMIT_SECONDS</c> (how long to wait for every change to end).
/// </summary>
internal sealed record PatchChaosSettings(
    int Changes, int MinKills, TimeSpan KillMin, TimeSpan KillMax, bool Kills, int DatabaseRestarts, int MaxServers, TimeSpan Limit, int Seed)
{
    public static PatchChaosSettings FromEnvironment() => new(
        Read("CHAOS_CHANGES", 10),
        Read("CHAOS_KILLS", 5),
        TimeSpan.FromSeconds(Read("CHAOS_KILL_MIN_SECONDS", 4)),
        TimeSpan.FromSeconds(Read("CHAOS_KILL_MAX_SECONDS", 8)),
        Read("CHAOS_NO_KILLS", 0) == 0,
        Read("CHAOS_DB_RESTARTS", 1),
        Read("CHAOS_MAX_SERVERS", 20),
        TimeSpan.FromSeconds(Read("CHAOS_LIMIT_SECONDS", 150)),
        Read("CHAOS_SEED", 18));

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Changes} changes of 1-{MaxServers} servers, {(Kills ? $"a node SIGKILLed every {KillMin.TotalSeconds:F0}-{KillMax.TotalSeconds:F0} s (at least {MinKills})" : "no kills")}, {DatabaseRestarts} PostgreSQL restart(s), seed {Seed}");

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
