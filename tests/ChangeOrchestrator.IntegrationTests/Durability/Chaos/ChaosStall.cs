using System.Globalization;
using System.Text;

namespace ChangeOrchestrator.IntegrationTests.Durability.Chaos;

/// <summary>
/// One time an instance stood still (after a kill, or between two of its journal entries), and what it waited for,
/// in the order the waits ended: its timer's due time (a poll interval or a retry back-off), the killed node's claim
/// on that timer and lease on the instance, then the rest: time due and free but not yet run (a timer firing late
/// because the nodes were busy or starting), or time inside a burst already running (connector calls and their
/// retries). The parts add up to the whole.
/// </summary>
internal sealed record ChaosStall(string Change, string Context, TimeSpan Length, string Next, IReadOnlyList<(string Cause, TimeSpan Time)> Parts, string Notes)
{
    public const string PollInterval = "poll interval";
    public const string RetryBackoff = "retry back-off";
    public const string KilledClaim = "killed node's timer claim";
    public const string KilledLease = "killed node's lease";
    public const string FiringLag = "due and free, not yet fired";
    public const string InBurst = "inside a running burst";

    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Change} {Context}: {Length.TotalSeconds:F1} s = ");
        text.Append(string.Join(" + ", Parts.Where(p => p.Time > TimeSpan.Zero).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Cause} {p.Time.TotalSeconds:F1} s"))));
        text.Append(CultureInfo.InvariantCulture, $"; then {Next}");
        if (Notes.Length > 0)
        {
            text.Append("; ").Append(Notes);
        }

        return text.ToString();
    }
}
