using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Patching.Windows;

/// <summary>The harness's engine clock starts on Monday 2026-03-02 at 08:00 UTC.</summary>
public sealed class WaitForMaintenanceWindowTests
{
    [Fact]
    public async Task WaitForMaintenanceWindow_FixedWindowLaterToday_WaitsOnATimerAndOpensAtItsStart()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new { start = "2026-03-02T10:00:00Z", end = "2026-03-02T14:00:00Z" }));

        var started = await harness.StartAsync("window");
        var bookmark = Assert.Single(await harness.BookmarksAsync(started.Id));
        await harness.AdvanceAsync(TimeSpan.FromHours(1));
        var early = await harness.InstanceAsync(started.Id);
        await harness.AdvanceAsync(TimeSpan.FromHours(1));
        var instance = await harness.InstanceAsync(started.Id);

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal(InstanceStatus.Suspended, started.Status);
        Assert.Equal(At("2026-03-02T10:00:00Z"), bookmark.Bookmark.DueAt);
        Assert.Equal(InstanceStatus.Suspended, early.Status);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("Open", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(At("2026-03-02T10:00:00Z"), output["openedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(At("2026-03-02T10:00:00Z"), output["windowStart"]!.GetValue<DateTimeOffset>());
        Assert.Equal(At("2026-03-02T14:00:00Z"), output["windowEnd"]!.GetValue<DateTimeOffset>());
        Assert.Equal(At("2026-03-02T14:00:00Z"), output["usableUntil"]!.GetValue<DateTimeOffset>());
        Assert.Empty(output["skipped"]!.AsArray());
        Assert.Equal("", output["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task WaitForMaintenanceWindow_FixedWindowAlreadyOver_ContinuesOnMissedWithTheReason()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new { start = "2026-03-02T05:00:00Z", end = "2026-03-02T07:00:00Z" }));

        var instance = await harness.StartAsync("window");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("Missed", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Contains("already over", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(output["openedAt"]);
    }

    [Fact]
    public async Task WaitForMaintenanceWindow_FreezeOverTheFirstOccurrence_SkipsItAndOpensTheNext()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new
        {
            schedule = "0 22 * * *",
            duration = "PT2H",
            freezes = new[] { new { start = "2026-03-02T21:00:00Z", end = "2026-03-03T01:00:00Z", reason = "quarter close" } },
        }));

        var started = await harness.StartAsync("window");
        await harness.AdvanceAsync(TimeSpan.FromHours(14));
        var waiting = Assert.Single(await harness.BookmarksAsync(started.Id));
        await harness.AdvanceAsync(TimeSpan.FromHours(24));
        var instance = await harness.InstanceAsync(started.Id);

        var output = await harness.OutputAsync(instance.Id, "step");
        var skipped = Assert.Single(output["skipped"]!.AsArray())!;
        Assert.Equal(At("2026-03-03T22:00:00Z"), waiting.Bookmark.DueAt);
        Assert.Equal("Open", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(At("2026-03-03T22:00:00Z"), output["openedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(At("2026-03-04T00:00:00Z"), output["windowEnd"]!.GetValue<DateTimeOffset>());
        Assert.Equal(At("2026-03-02T22:00:00Z"), skipped["windowStart"]!.GetValue<DateTimeOffset>());
        Assert.Contains("quarter close", skipped["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForMaintenanceWindow_FreezeEndingInsideTheWindow_OpensWhenTheFreezeEnds()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new
        {
            start = "2026-03-02T09:00:00Z",
            end = "2026-03-02T12:00:00Z",
            freezes = new[] { new { start = "2026-03-02T08:30:00Z", end = "2026-03-02T10:00:00Z", reason = "release" } },
        }));

        var started = await harness.StartAsync("window");
        await harness.AdvanceAsync(TimeSpan.FromHours(1));
        var waiting = Assert.Single(await harness.BookmarksAsync(started.Id));
        await harness.AdvanceAsync(TimeSpan.FromHours(1));

        var output = await harness.OutputAsync(started.Id, "step");
        Assert.Equal(At("2026-03-02T10:00:00Z"), waiting.Bookmark.DueAt);
        Assert.Equal("Open", await harness.OutcomeAsync(started.Id, "step"));
        Assert.Equal(At("2026-03-02T10:00:00Z"), output["openedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task WaitForMaintenanceWindow_ScheduleInATimeZone_WaitsForTheLocalTime()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new { schedule = "0 0 22 * * SAT", duration = "PT4H", timeZone = "Europe/Paris" }));

        var started = await harness.StartAsync("window");

        var bookmark = Assert.Single(await harness.BookmarksAsync(started.Id));
        Assert.Equal(At("2026-03-07T21:00:00Z"), bookmark.Bookmark.DueAt);
    }

    [Fact]
    public async Task WaitForMaintenanceWindow_ScheduledWindowUnderWay_OpensAtOnce()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new { schedule = "0 6 * * *", duration = "PT4H" }));

        var instance = await harness.StartAsync("window");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal("Open", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(At("2026-03-02T06:00:00Z"), output["windowStart"]!.GetValue<DateTimeOffset>());
        Assert.Equal(At("2026-03-02T08:00:00Z"), output["openedAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task WaitForMaintenanceWindow_ChangeCalendarClosed_RechecksAtThePollIntervalAndOpensWhenItReopens()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await Calendar(harness, "PatchFreeze", ("2026-03-02T08:45:00Z", "2026-03-02T10:00:00Z"));
        await harness.PublishAsync(Workflow(new
        {
            start = "2026-03-02T09:00:00Z",
            end = "2026-03-02T13:00:00Z",
            calendarNames = new[] { "PatchFreeze" },
            calendarPollInterval = "PT15M",
        }));

        var started = await harness.StartAsync("window");
        await harness.AdvanceAsync(TimeSpan.FromHours(1));
        var recheck = Assert.Single(await harness.BookmarksAsync(started.Id));
        for (var i = 0; i < 4; i++)
        {
            await harness.AdvanceAsync(TimeSpan.FromMinutes(15));
        }

        var output = await harness.OutputAsync(started.Id, "step");
        Assert.Equal(At("2026-03-02T09:15:00Z"), recheck.Bookmark.DueAt);
        Assert.Equal("Open", await harness.OutcomeAsync(started.Id, "step"));
        Assert.Equal(At("2026-03-02T10:00:00Z"), output["openedAt"]!.GetValue<DateTimeOffset>());
        Assert.Empty(output["skipped"]!.AsArray());
    }

    [Fact]
    public async Task WaitForMaintenanceWindow_ChangeCalendarReopeningSoonerThanThePoll_RechecksAtTheTransition()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await Calendar(harness, "PatchFreeze", ("2026-03-02T07:00:00Z", "2026-03-02T08:20:00Z"));
        await harness.PublishAsync(Workflow(new
        {
            start = "2026-03-02T08:00:00Z",
            end = "2026-03-02T12:00:00Z",
            calendarNames = new[] { "PatchFreeze" },
            calendarPollInterval = "PT1H",
        }));

        var started = await harness.StartAsync("window");
        var recheck = Assert.Single(await harness.BookmarksAsync(started.Id));
        await harness.AdvanceAsync(TimeSpan.FromMinutes(20));

        Assert.Equal(At("2026-03-02T08:20:00Z"), recheck.Bookmark.DueAt);
        Assert.Equal("Open", await harness.OutcomeAsync(started.Id, "step"));
    }

    [Fact]
    public async Task WaitForMaintenanceWindow_ChangeCalendarClosedThroughTheWindow_ContinuesOnMissed()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await Calendar(harness, "PatchFreeze", ("2026-03-02T08:00:00Z", "2026-03-02T18:00:00Z"));
        await harness.PublishAsync(Workflow(new
        {
            start = "2026-03-02T09:00:00Z",
            end = "2026-03-02T10:00:00Z",
            calendarNames = new[] { "PatchFreeze" },
            calendarPollInterval = "PT15M",
        }));

        var started = await harness.StartAsync("window");
        var instance = started;
        for (var i = 0; i < 12 && instance.Status == InstanceStatus.Suspended; i++)
        {
            await harness.AdvanceAsync(TimeSpan.FromMinutes(15));
            instance = await harness.InstanceAsync(started.Id);
        }

        var output = await harness.OutputAsync(instance.Id, "step");
        var skipped = Assert.Single(output["skipped"]!.AsArray())!;
        Assert.Equal("Missed", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Contains("PatchFreeze closed", skipped["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("PatchFreeze closed", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(At("2026-03-02T09:30:00Z"), (await harness.JournalAsync(instance.Id)).Last(e => e.Type == JournalEntryType.ActivityCompleted).At);
    }

    [Fact]
    public async Task WaitForMaintenanceWindow_NoUsableWindowBeforeTheDeadline_ContinuesOnMissed()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new
        {
            schedule = "0 22 * * *",
            duration = "PT2H",
            freezes = new[] { new { start = "2026-03-02T00:00:00Z", end = "2026-03-10T00:00:00Z", reason = "audit" } },
            deadline = "2026-03-03T12:00:00Z",
        }));

        var started = await harness.StartAsync("window");
        await harness.AdvanceAsync(TimeSpan.FromHours(14));
        var instance = await harness.InstanceAsync(started.Id);

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal("Missed", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Contains("deadline", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(output["skipped"]!.AsArray());
    }

    [Fact]
    public async Task WaitForMaintenanceWindow_EveryWindowFrozen_GivesUpAfterMaxWindows()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new
        {
            schedule = "0 22 * * *",
            duration = "PT2H",
            freezes = new[] { new { start = "2026-03-02T00:00:00Z", end = "2026-03-10T00:00:00Z", reason = "audit" } },
            maxWindows = 2,
        }));

        var started = await harness.StartAsync("window");
        await harness.AdvanceAsync(TimeSpan.FromHours(14));
        await harness.AdvanceAsync(TimeSpan.FromHours(24));
        var instance = await harness.InstanceAsync(started.Id);

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("Missed", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(2, output["skipped"]!.AsArray().Count);
        Assert.Contains("maxWindows 2", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForMaintenanceWindow_TooLittleOfTheWindowLeft_SkipsIt()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new { start = "2026-03-02T07:00:00Z", end = "2026-03-02T08:20:00Z" }));

        var instance = await harness.StartAsync("window");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal("Missed", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Contains("less than the minimum PT30M left", output["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "start": "2026-03-02T10:00:00Z", "end": "2026-03-02T12:00:00Z", "schedule": "0 22 * * *" }""", "not both")]
    [InlineData("""{ "start": "2026-03-02T10:00:00Z" }""", "start and end go together")]
    [InlineData("""{ "schedule": "0 22 * * *" }""", "duration")]
    // Computed values: as literals, these two are refused when the workflow is published (formats cron and timeZone).
    [InlineData("""{ "schedule": { "js": "'every night'" }, "duration": "PT2H" }""", "schedule 'every night'")]
    [InlineData("""{ "schedule": "0 22 * * *", "duration": "PT2H", "timeZone": { "js": "'Mars/Olympus'" } }""", "timeZone 'Mars/Olympus'")]
    public async Task WaitForMaintenanceWindow_InvalidInput_FaultsNamingTheField(string inputs, string expected)
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(JsonNode.Parse(inputs)!));

        var instance = await harness.StartAsync("window");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains(expected, instance.Incident!.Message, StringComparison.Ordinal);
    }

    private static async Task Calendar(PatchingHarness harness, string name, params (string Start, string End)[] closed)
    {
        using var client = new HttpClient { BaseAddress = harness.Simulators.Url("/sim/aws/_control/") };
        using var response = await client.PutAsJsonAsync("calendars/" + name, new
        {
            defaultState = "OPEN",
            events = closed.Select(e => new { summary = "freeze", start = e.Start, end = e.End }),
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    private static string Workflow(object inputs) => TestWorkflows.OneStep("window", "WaitForMaintenanceWindow", inputs);
}
