using ChangeOrchestrator.Connectors.Tests.ServiceDesk;
using ChangeOrchestrator.Patching.ChangeRequests;
using Microsoft.Extensions.Time.Testing;

namespace ChangeOrchestrator.Connectors.Tests.ServiceNow;

/// <summary>Injected faults on the instance and what the connector makes of them: retries counted by the simulator.</summary>
public sealed class ServiceNowServiceDeskFaultTests
{
    private const string ReadRoute = "GET /api/now/table/change_request/{sys_id}";

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task GetChange_429WithRetryAfter_WaitsThatLongThenSucceeds()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        await using var host = await ServiceDeskTestHost.StartAsync(deskTime: time, deskSettings: new Dictionary<string, string?>
        {
            ["ServiceDesk:ServiceNow:Resilience:AttemptTimeout"] = "01:00:00",
        });
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await host.SnFailNextAsync(1, 429, ReadRoute, retryAfterSeconds: 30);

        var read = host.ServiceNow.GetChangeAsync(change, Ct);
        await host.WaitForRequestsAsync(() => host.SnRequestCountAsync(ReadRoute), 1);
        var waited = await time.AdvanceUntilCompletedAsync(read, TimeSpan.FromMinutes(30));
        var status = await read;

        Assert.Equal(ChangeState.New, status.State);
        Assert.True(waited >= TimeSpan.FromSeconds(30), $"retried after {waited} of simulated time");
        Assert.Equal(2, await host.SnRequestCountAsync(ReadRoute));
    }

    [Theory]
    [InlineData(500, false)]
    [InlineData(502, true)]
    [InlineData(503, false)]
    [InlineData(503, true)]
    public async Task GetChange_BurstOfServerErrors_RetriesUntilItSucceeds(int status, bool htmlBody)
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await host.SnFailNextAsync(3, status, ReadRoute, nonJsonBody: htmlBody);

        var read = await host.ServiceNow.GetChangeAsync(change, Ct);

        Assert.Equal(change, read.Reference);
        Assert.Equal(4, await host.SnRequestCountAsync(ReadRoute));
    }

    [Fact]
    public async Task GetChange_Persistent503_ThrowsTransientAfterEveryAttempt()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await host.SnFailNextAsync(100, 503, ReadRoute);

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.ServiceNow.GetChangeAsync(change, Ct));

        Assert.True(error.IsTransient);
        Assert.Equal("ServiceNow", error.Desk);
        Assert.Equal("ServiceNow answered 503 Service Unavailable to GET change_request/{sys_id}: Service Unavailable (Fault injected by the simulator control API)", error.Message);
        Assert.Equal(4, await host.SnRequestCountAsync(ReadRoute));
    }

    [Fact]
    public async Task GetChange_RetryAfterBeyondTheLimit_ThrowsTransientWithoutWaiting()
    {
        await using var host = await ServiceDeskTestHost.StartAsync(deskSettings: new Dictionary<string, string?>
        {
            ["ServiceDesk:ServiceNow:Resilience:MaxRetryAfter"] = "00:01:00",
        });
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await host.SnFailNextAsync(1, 429, ReadRoute, retryAfterSeconds: 3600);

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.ServiceNow.GetChangeAsync(change, Ct));

        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Contains("Rate limit exceeded", error.Message);
        Assert.Equal(1, await host.SnRequestCountAsync(ReadRoute));
    }

    [Theory]
    [InlineData(400, "Bad Request")]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "Not Found")]
    public async Task GetChange_ClientError_ThrowsPermanentQuotingTheInstanceWithoutRetry(int status, string message)
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await host.SnFailNextAsync(1, status, ReadRoute);

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.ServiceNow.GetChangeAsync(change, Ct));

        Assert.False(error.IsTransient);
        Assert.Equal($"ServiceNow answered {status} {message} to GET change_request/{{sys_id}}: {message} (Fault injected by the simulator control API)", error.Message);
        Assert.Equal(1, await host.SnRequestCountAsync(ReadRoute));
    }

    [Fact]
    public async Task GetChange_UnknownSysId_ThrowsPermanentNoRecordFound()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() =>
            host.ServiceNow.GetChangeAsync(new ChangeReference("servicenow", "CHG0099999", "0123456789abcdef0123456789abcdef"), Ct));

        Assert.False(error.IsTransient);
        Assert.Contains("404", error.Message);
        Assert.Contains("No Record found (Record doesn't exist or ACL restricts the record retrieval)", error.Message);
        Assert.Equal(1, await host.SnRequestCountAsync(ReadRoute));
    }

    [Fact]
    public async Task CreateChange_WrongPassword_ThrowsPermanentWithoutTheCredentials()
    {
        await using var host = await ServiceDeskTestHost.StartAsync(deskSettings: new Dictionary<string, string?>
        {
            ["ServiceDesk:ServiceNow:Password"] = "not-the-password-42",
        });

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct));

        Assert.False(error.IsTransient);
        Assert.Contains("401", error.Message);
        Assert.Contains("User Not Authenticated (Required to provide Auth information)", error.Message);
        Assert.DoesNotContain("not-the-password-42", error.ToString());
        Assert.DoesNotContain("Basic ", error.ToString());
        Assert.Equal(1, await host.SnRequestCountAsync("GET /api/now/table/change_request"));
    }
}
