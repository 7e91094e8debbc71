using ChangeOrchestrator.Patching.ChangeRequests;
using Microsoft.Extensions.Time.Testing;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Tests.ServiceDesk;

/// <summary>The circuit breaker and the per-attempt timeout of the shared pipeline, seen through a desk.</summary>
public sealed class ServiceDeskPipelineTests
{
    private const string ReadRoute = "GET /api/now/table/change_request/{sys_id}";

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task GetChange_AfterRepeatedFailures_FailsFastWithoutCallingTheDesk()
    {
        await using var host = await ServiceDeskTestHost.StartAsync(deskSettings: new Dictionary<string, string?>
        {
            ["ServiceDesk:ServiceNow:Resilience:MaxRetryAttempts"] = "0",
            ["ServiceDesk:ServiceNow:Resilience:MinimumThroughput"] = "3",
            ["ServiceDesk:ServiceNow:Resilience:FailureRatio"] = "0.5",
            ["ServiceDesk:ServiceNow:Resilience:BreakDuration"] = "00:10:00",
        });
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await host.SnFailNextAsync(100, 503, ReadRoute);

        // With the create's success, two failures make three calls of which two thirds failed: the circuit opens.
        var first = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.ServiceNow.GetChangeAsync(change, Ct));
        var second = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.ServiceNow.GetChangeAsync(change, Ct));
        var suspended = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.ServiceNow.GetChangeAsync(change, Ct));

        Assert.All([first, second], f => Assert.StartsWith("ServiceNow answered 503", f.Message));
        Assert.True(suspended.IsTransient);
        Assert.StartsWith("ServiceNow calls are suspended after repeated failures (the last: ServiceNow answered 503", suspended.Message);
        Assert.EndsWith("; read change was not attempted", suspended.Message);
        Assert.NotNull(suspended.RetryAfter);
        Assert.Equal(2, await host.SnRequestCountAsync(ReadRoute));
    }

    [Fact]
    public async Task GetChange_DeskNeverAnswers_TimesOutEachAttemptAndThrowsTransient()
    {
        var simulatorTime = new FakeTimeProvider(FakeClock.Start);
        await using var host = await ServiceDeskTestHost.StartAsync(simulatorTime: simulatorTime, deskSettings: new Dictionary<string, string?>
        {
            ["ServiceDesk:ServiceNow:Resilience:MaxRetryAttempts"] = "1",
            ["ServiceDesk:ServiceNow:Resilience:AttemptTimeout"] = "00:00:01",
        });
        var created = await ServiceDeskTestHost.JsonAsync(host.SnAdmin, new RestRequest("api/now/table/change_request", Method.Post).AddJsonBody(new { short_description = "Patch" }));
        var change = new ChangeReference("servicenow", created["result"]!["number"]!.GetValue<string>(), created["result"]!["sys_id"]!.GetValue<string>());

        // The simulator holds every answer until its clock moves, which it never does here.
        await ServiceDeskTestHost.JsonAsync(host.SnControl, new RestRequest("faults", Method.Put).AddJsonBody(new { latencyMilliseconds = 60_000 }));
        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.ServiceNow.GetChangeAsync(change, Ct));

        Assert.True(error.IsTransient);
        Assert.Equal("ServiceNow did not complete read change within 1 s", error.Message);
        Assert.Equal(2, await host.SnRequestCountAsync(ReadRoute));
    }
}
