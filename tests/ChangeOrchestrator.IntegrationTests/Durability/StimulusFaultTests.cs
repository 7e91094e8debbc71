using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Faults;
using ChangeOrchestrator.IntegrationTests.Durability.Support;
using ChangeOrchestrator.IntegrationTests.Support.Server;

namespace ChangeOrchestrator.IntegrationTests.Durability;

/// <summary>
/// <c>POST /api/events</c> under a fault at each step between taking a stimulus in and committing its resume: a killed
/// node, a database that refuses the commit, a client that gives up, an instance held by another node. The stimulus
/// counts as taken in only in the commit that applies it, so a retry with the same <c>Idempotency-Key</c> applies it
/// when nothing was applied and is a duplicate when it was; the journal shows exactly one resume either way.
/// </summary>
public sealed class StimulusFaultTests : IAsyncLifetime
{
    private StimulusDrill _drill = null!;

    public async Task InitializeAsync() => _drill = await StimulusDrill.CreateAsync();

    public async Task DisposeAsync() => await _drill.DisposeAsync();

    [Theory]
    [InlineData(FaultPoint.StimulusReceived)]
    [InlineData(FaultPoint.BeforeCommit)]
    [InlineData(FaultPoint.AfterCommit)]
    public async Task RaiseEvent_NodeKilledAtStep_RetryWithSameKeyResumesExactlyOnce(string point)
    {
        string instanceId;
        await using (var drilled = await _drill.StartNodeAsync(("FaultDrill__Point", point)))
        {
            instanceId = await StimulusDrill.StartInstanceAsync(drilled, "CHG-K");
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => RaiseAsync(drilled, "CHG-K", "delivery-1"));
            Assert.True(await drilled.WaitForExitAsync(TimeSpan.FromSeconds(10)), "the drill did not kill the node");
        }

        Assert.Equal(point == FaultPoint.AfterCommit ? 1 : 0, await _drill.ResumesAsync(instanceId));

        await using var restarted = await _drill.StartNodeAsync();
        var (status, retry) = await RaiseAsync(restarted, "CHG-K", "delivery-1");

        Assert.True(status == HttpStatusCode.Accepted, $"{status}: {retry.ToJsonString()}");
        Assert.Equal(point == FaultPoint.AfterCommit, retry["duplicate"]!.GetValue<bool>());
        Assert.True(await _drill.ResumesAsync(instanceId) == 1, $"{retry.ToJsonString()}{System.Environment.NewLine}{restarted.Output}");
    }

    [Fact]
    public async Task RaiseEvent_DatabaseRefusesTheCommit_RetryWithSameKeyResumesExactlyOnce()
    {
        await using var node = await _drill.StartNodeAsync();
        var instanceId = await StimulusDrill.StartInstanceAsync(node, "CHG-D");
        await _drill.FailCommitsAsync();

        var (failed, _) = await RaiseAsync(node, "CHG-D", "delivery-1");
        await _drill.HealCommitsAsync();
        Assert.Equal(0, await _drill.ResumesAsync(instanceId));
        var (status, retry) = await RaiseAsync(node, "CHG-D", "delivery-1");
        var (_, again) = await RaiseAsync(node, "CHG-D", "delivery-1");

        Assert.Equal(HttpStatusCode.InternalServerError, failed);
        Assert.Equal((HttpStatusCode.Accepted, 1, false), (status, retry["resumed"]!.GetValue<int>(), retry["duplicate"]!.GetValue<bool>()));
        Assert.True(again["duplicate"]!.GetValue<bool>());
        Assert.Equal(1, await _drill.ResumesAsync(instanceId));
    }

    [Fact]
    public async Task RaiseEvent_ClientGivesUpBeforeTheCommit_RetryWithSameKeyResumesExactlyOnce()
    {
        // The first pass before a commit stalls: the client gives up meanwhile and its cancellation reaches the burst.
        // It gives up once the node reports the stall, not after a fixed time: on a loaded machine a request can take
        // longer than that to get there, and the retry would then be the pass that stalls.
        await using var node = await _drill.StartNodeAsync(("FaultDrill__Point", FaultPoint.BeforeCommit), ("FaultDrill__Action", "Stall"), ("FaultDrill__Stall", "00:00:20"));
        var instanceId = await StimulusDrill.StartInstanceAsync(node, "CHG-C");
        using (var givingUp = new CancellationTokenSource())
        {
            var impatient = SendAsync(node.Client, "CHG-C", "delivery-1", givingUp.Token);
            await node.WaitForOutputAsync($"Fault drill: Stall at {FaultPoint.BeforeCommit} (pass 1)", TimeSpan.FromSeconds(30));
            await givingUp.CancelAsync();
            await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient);
        }

        var (status, retry) = await RaiseAsync(node, "CHG-C", "delivery-1");

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal((1, false), (retry["resumed"]!.GetValue<int>(), retry["duplicate"]!.GetValue<bool>()));
        Assert.Equal(1, await _drill.ResumesAsync(instanceId));
    }

    [Fact]
    public async Task RaiseEvent_InstanceLeasedByAnotherNode_Answers503AndTheRetryResumesExactlyOnce()
    {
        await using var node = await _drill.StartNodeAsync();
        var instanceId = await StimulusDrill.StartInstanceAsync(node, "CHG-L");
        await _drill.LeaseElsewhereAsync(instanceId);

        using var busy = await SendAsync(node.Client, "CHG-L", "delivery-1");
        Assert.Equal(0, await _drill.ResumesAsync(instanceId));
        await _drill.ReleaseLeaseAsync(instanceId);
        var (status, retry) = await RaiseAsync(node, "CHG-L", "delivery-1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.NotNull(busy.Headers.RetryAfter);
        Assert.Equal((HttpStatusCode.Accepted, 1), (status, retry["resumed"]!.GetValue<int>()));
        Assert.Equal(1, await _drill.ResumesAsync(instanceId));
    }

    private static Task<(HttpStatusCode Status, JsonNode Body)> RaiseAsync(ServerProcess node, string change, string idempotencyKey) =>
        RaiseAsync(node.Client, change, idempotencyKey);

    private static async Task<(HttpStatusCode Status, JsonNode Body)> RaiseAsync(HttpClient client, string change, string idempotencyKey)
    {
        using var response = await SendAsync(client, change, idempotencyKey);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? new JsonObject());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string change, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/approval/{change}") { Content = JsonContent.Create(new { decision = "approved", by = "cab" }) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request, cancellationToken);
    }
}
