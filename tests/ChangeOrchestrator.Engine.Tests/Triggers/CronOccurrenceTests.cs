using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Triggers;

namespace ChangeOrchestrator.Engine.Tests.Triggers;

public sealed class CronOccurrenceTests
{
    private static readonly TriggerDefinition Nightly = new() { Type = TriggerType.Cron, Schedule = "0 2 * * *" };
    private static readonly DateTimeOffset PublishedLongAgo = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Latest_JustAfterTheScheduledTime_IsThatOccurrenceWithAStableInstanceId()
    {
        var now = new DateTimeOffset(2026, 3, 7, 2, 0, 30, TimeSpan.Zero);

        var due = CronOccurrence.Latest("scheduled-scan", 0, Nightly, PublishedLongAgo, now, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 3, 7, 2, 0, 0, TimeSpan.Zero), due!.At);
        Assert.Equal("cron-scheduled-scan-0-20260307T0200Z", due.InstanceId);
    }

    [Fact]
    public void Latest_DownForDays_StartsOnlyTheLastMissedRunWithinTheCatchUp()
    {
        var now = new DateTimeOffset(2026, 3, 9, 2, 30, 0, TimeSpan.Zero);

        var due = CronOccurrence.Latest("scheduled-scan", 0, Nightly, PublishedLongAgo, now, TimeSpan.FromHours(1));
        var tooLate = CronOccurrence.Latest("scheduled-scan", 0, Nightly, PublishedLongAgo, now.AddHours(2), TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 2, 0, 0, TimeSpan.Zero), due!.At);
        Assert.Null(tooLate);
    }

    [Fact]
    public void Latest_OccurrenceBeforeThePublication_DoesNotStart()
    {
        var now = new DateTimeOffset(2026, 3, 7, 2, 30, 0, TimeSpan.Zero);

        var due = CronOccurrence.Latest("scheduled-scan", 0, Nightly, now.AddMinutes(-10), now, TimeSpan.FromHours(1));

        Assert.Null(due);
    }

    [Fact]
    public void Latest_InATimeZone_FollowsTheLocalClock()
    {
        var trigger = Nightly with { TimeZone = "Europe/Paris" };
        var now = new DateTimeOffset(2026, 3, 7, 1, 0, 30, TimeSpan.Zero);

        var due = CronOccurrence.Latest("scheduled-scan", 1, trigger, PublishedLongAgo, now, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 3, 7, 1, 0, 0, TimeSpan.Zero), due!.At.ToUniversalTime());
        Assert.StartsWith("cron-scheduled-scan-1-", due.InstanceId, StringComparison.Ordinal);
    }

    [Fact]
    public void Latest_NotACronTrigger_IsNull()
    {
        var trigger = new TriggerDefinition { Type = TriggerType.Event, Kind = "patch-request" };

        Assert.Null(CronOccurrence.Latest("x", 0, trigger, PublishedLongAgo, PublishedLongAgo.AddDays(1), TimeSpan.FromDays(1)));
    }
}
