using ChangeOrchestrator.Patching.Calendar;
using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.Tests.Aws.Calendar;

public sealed class AwsChangeCalendarTests
{
    [Fact]
    public async Task GetStateAsync_DefaultCalendar_IsOpen()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var calendar = host.Connect().GetRequiredService<IChangeCalendar>();

        var status = await calendar.GetStateAsync(["ChangeFreeze"], null, CancellationToken.None);

        Assert.Equal(ChangeCalendarState.Open, status.State);
        Assert.Null(status.NextTransitionAt);
    }

    [Fact]
    public async Task GetStateAsync_InsideFreezeEvent_IsClosedUntilTheEventEnds()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var start = new DateTimeOffset(2030, 12, 20, 0, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(2031, 1, 3, 0, 0, 0, TimeSpan.Zero);
        await host.PutAsync("calendars/YearEndFreeze", new { defaultState = "OPEN", events = new[] { new { summary = "Year end", start, end } } });
        var calendar = host.Connect().GetRequiredService<IChangeCalendar>();

        var during = await calendar.GetStateAsync(["ChangeFreeze", "YearEndFreeze"], start.AddDays(4), CancellationToken.None);
        var before = await calendar.GetStateAsync(["YearEndFreeze"], start.AddDays(-1), CancellationToken.None);

        Assert.Equal(ChangeCalendarState.Closed, during.State);
        Assert.Equal(start.AddDays(4), during.AtTime);
        Assert.Equal(end, during.NextTransitionAt);
        Assert.Equal(ChangeCalendarState.Open, before.State);
        Assert.Equal(start, before.NextTransitionAt);
    }

    [Fact]
    public async Task GetStateAsync_UnknownCalendar_ThrowsPermanentWithServiceMessageAfterOneAttempt()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var calendar = host.Connect().GetRequiredService<IChangeCalendar>();

        var error = await Assert.ThrowsAsync<FleetException>(() => calendar.GetStateAsync(["NoSuchCalendar"], null, CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal("InvalidDocument", error.ErrorCode);
        Assert.Contains("Calendar NoSuchCalendar does not exist", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await host.CounterAsync("SSM.GetCalendarState")).Calls);
    }
}
