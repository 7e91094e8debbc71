using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Simulators.Tests.Aws.Ssm;

public sealed class CalendarTests
{
    [Fact]
    public async Task GetCalendarState_DuringFreezeEvent_IsClosedUntilTheEventEnds()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        await SetFreezeAsync(host);
        var ssm = host.Ssm();

        var inside = await ssm.GetCalendarStateAsync(new GetCalendarStateRequest { CalendarNames = ["year-end-freeze"], AtTime = "2025-12-24T09:00:00Z" });
        var before = await ssm.GetCalendarStateAsync(new GetCalendarStateRequest { CalendarNames = ["year-end-freeze"], AtTime = "2025-12-01T09:00:00Z" });
        var now = await ssm.GetCalendarStateAsync(new GetCalendarStateRequest { CalendarNames = ["arn:aws:ssm:us-east-1:123456789012:document/year-end-freeze"] });

        Assert.Equal("CLOSED", inside.State.Value);
        Assert.Equal("2026-01-02T00:00:00Z", inside.NextTransitionTime);
        Assert.Equal("OPEN", before.State.Value);
        Assert.Equal("2025-12-20T00:00:00Z", before.NextTransitionTime);
        Assert.Equal("OPEN", now.State.Value);
        Assert.Equal("2025-06-10T12:00:00Z", now.AtTime);
    }

    [Fact]
    public async Task GetCalendarState_SeveralCalendars_IsOpenOnlyWhenAllAreOpen()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();
        await SetFreezeAsync(host);

        var state = await host.Ssm().GetCalendarStateAsync(new GetCalendarStateRequest
        {
            CalendarNames = ["ChangeFreeze", "year-end-freeze"],
            AtTime = "2025-12-25T00:00:00Z",
        });

        Assert.Equal("CLOSED", state.State.Value);
    }

    [Fact]
    public async Task GetCalendarState_UnknownCalendar_ThrowsInvalidDocument()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync();

        await Assert.ThrowsAsync<InvalidDocumentException>(() => host.Ssm().GetCalendarStateAsync(new GetCalendarStateRequest { CalendarNames = ["no-such-calendar"] }));
    }

    [Fact]
    public async Task GetCalendarState_ConfiguredDefaultClosedCalendar_OpensOnlyDuringItsEvents()
    {
        await using var host = await AwsSimulatorTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Simulators:Aws:Calendars:0:Name"] = "weekend-window",
            ["Simulators:Aws:Calendars:0:DefaultState"] = "CLOSED",
            ["Simulators:Aws:Calendars:0:Events:0:Summary"] = "Saturday change window",
            ["Simulators:Aws:Calendars:0:Events:0:Start"] = "2025-06-14T00:00:00Z",
            ["Simulators:Aws:Calendars:0:Events:0:End"] = "2025-06-15T00:00:00Z",
        });
        var ssm = host.Ssm();

        var weekday = await ssm.GetCalendarStateAsync(new GetCalendarStateRequest { CalendarNames = ["weekend-window"] });
        var saturday = await ssm.GetCalendarStateAsync(new GetCalendarStateRequest { CalendarNames = ["weekend-window"], AtTime = "2025-06-14T10:00:00Z" });

        Assert.Equal("CLOSED", weekday.State.Value);
        Assert.Equal("2025-06-14T00:00:00Z", weekday.NextTransitionTime);
        Assert.Equal("OPEN", saturday.State.Value);
    }

    private static Task SetFreezeAsync(AwsSimulatorTestHost host)
    {
        return PutAsync();

        async Task PutAsync()
        {
            using var response = await host.Control.PutAsync("calendars/year-end-freeze", System.Net.Http.Json.JsonContent.Create(new
            {
                defaultState = "OPEN",
                events = new[] { new { summary = "Year-end freeze", start = "2025-12-20T00:00:00Z", end = "2026-01-02T00:00:00Z" } },
            }));
            response.EnsureSuccessStatusCode();
        }
    }
}
