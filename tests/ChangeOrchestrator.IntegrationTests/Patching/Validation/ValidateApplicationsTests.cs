using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Patching.Validation;

public sealed class ValidateApplicationsTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ValidateApplications_ProbesAnswerAsExpected_ContinuesOnHealthy()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await using var app = await HttpTestEndpoint.StartAsync();
        app.Respond = request => (200, $"status: ok {request.Path}");
        string[] ids = ["i-0aaa", "i-0bbb"];
        await harness.PublishAsync(Workflow(new
        {
            instanceIds = ids,
            httpProbes = new[] { new { url = app.Url + "/health/{instanceId}?full=1", bodyContains = "status: ok" } },
        }));

        var instance = await harness.StartAsync("validate");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("Healthy", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(ids, output["healthyIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Empty(output["unhealthyIds"]!.AsArray());
        Assert.Equal(1, output["attemptsUsed"]!.GetValue<int>());
        Assert.Equal(["/health/i-0aaa", "/health/i-0bbb"], app.Requests.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.All(output["results"]!.AsArray(), r =>
        {
            var probe = Assert.Single(r!["probes"]!.AsArray())!;
            Assert.Equal(200, probe["statusCode"]!.GetValue<int>());
            Assert.Equal($"{app.Url}/health/{r["instanceId"]!.GetValue<string>()}", probe["url"]!.GetValue<string>());
            Assert.Null(r["command"]);
        });
    }

    [Fact]
    public async Task ValidateApplications_ServerRecoversBeforeTheSecondAttempt_ReprobesOnlyItAfterTheRetryInterval()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await using var app = await HttpTestEndpoint.StartAsync();
        var failures = 0;
        app.Respond = request => request.Path.EndsWith("i-0aaa", StringComparison.Ordinal) && Interlocked.Increment(ref failures) == 1 ? (503, "starting") : (200, "ok");
        await harness.PublishAsync(Workflow(new
        {
            instanceIds = new[] { "i-0aaa", "i-0bbb" },
            httpProbes = new[] { new { url = app.Url + "/health/{instanceId}" } },
            retryInterval = "PT2M",
        }));

        var startedAt = harness.Time.GetUtcNow();
        var started = await harness.StartAsync("validate");
        var bookmark = Assert.Single(await harness.BookmarksAsync(started.Id));
        await harness.AdvanceAsync(TimeSpan.FromMinutes(2));
        var instance = await harness.InstanceAsync(started.Id);

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal(InstanceStatus.Suspended, started.Status);
        Assert.Equal(startedAt + TimeSpan.FromMinutes(2), bookmark.Bookmark.DueAt);
        Assert.Equal("Healthy", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(2, output["attemptsUsed"]!.GetValue<int>());
        Assert.Equal(2, app.Requests.Count(r => r.Path == "/health/i-0aaa"));
        Assert.Equal(1, app.Requests.Count(r => r.Path == "/health/i-0bbb"));
        Assert.Equal([2, 1], output["results"]!.AsArray().Select(r => r!["attempt"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ValidateApplications_ServerStaysDown_ContinuesOnUnhealthyWithTheStatus()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await using var app = await HttpTestEndpoint.StartAsync();
        app.Respond = request => request.Path.EndsWith("i-0aaa", StringComparison.Ordinal) ? (503, "down") : (200, "ok");
        await harness.PublishAsync(Workflow(new
        {
            instanceIds = new[] { "i-0aaa", "i-0bbb" },
            httpProbes = new[] { new { url = app.Url + "/health/{instanceId}" } },
            attempts = 2,
        }));

        var started = await harness.StartAsync("validate");
        await harness.AdvanceAsync(TimeSpan.FromMinutes(1));
        var instance = await harness.InstanceAsync(started.Id);

        var output = await harness.OutputAsync(instance.Id, "step");
        var probe = output["results"]!.AsArray()[0]!["probes"]![0]!;
        Assert.Equal("Unhealthy", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(["i-0aaa"], output["unhealthyIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(["i-0bbb"], output["healthyIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(2, output["attemptsUsed"]!.GetValue<int>());
        Assert.Equal(503, probe["statusCode"]!.GetValue<int>());
        Assert.Equal("expected 200, got 503", probe["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ValidateApplications_ProbeTooSlow_IsUnhealthyWithATimeout()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await using var app = await HttpTestEndpoint.StartAsync();
        app.Delay = TimeSpan.FromSeconds(5);
        await harness.PublishAsync(Workflow(new
        {
            instanceIds = new[] { "i-0aaa" },
            httpProbes = new[] { new { url = app.Url + "/health", expectedStatus = 200 } },
            probeTimeout = "PT0.2S",
            attempts = 1,
        }));

        var instance = await harness.StartAsync("validate");

        var probe = (await harness.OutputAsync(instance.Id, "step"))["results"]![0]!["probes"]![0]!;
        Assert.Equal("Unhealthy", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Null(probe["statusCode"]);
        Assert.Equal("no answer within PT0.2S", probe["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ValidateApplications_CommandOnLinuxAndWindows_RunsTheScriptDocumentOfEachPlatform()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var online = await harness.Aws.OnlineNodesAsync();
        var linux = online.First(n => n.Platform == "Linux").InstanceId;
        var windows = online.First(n => n.Platform == "Windows").InstanceId;
        await harness.PublishAsync(Workflow(new { instanceIds = new[] { linux, windows }, command = new[] { "check-app --quiet" } }));

        var started = await harness.StartAsync("validate");
        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var output = await harness.OutputAsync(instance.Id, "step");
        var commands = await harness.Aws.CommandsAsync();
        Assert.Equal("Healthy", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal([linux], commands.Single(c => c.DocumentName == "AWS-RunShellScript").InstanceIds);
        Assert.Equal([windows], commands.Single(c => c.DocumentName == "AWS-RunPowerShellScript").InstanceIds);
        Assert.All(commands, c => Assert.Equal(["check-app --quiet"], c.Parameters["commands"]));
        Assert.All(commands, c => Assert.Contains($"{instance.Id}:step:0:1", c.Comment, StringComparison.Ordinal));
        Assert.All(output["results"]!.AsArray(), r =>
        {
            Assert.Equal("success", r!["command"]!["state"]!.GetValue<string>());
            Assert.Equal(0, r["command"]!["responseCode"]!.GetValue<int>());
            Assert.Contains("check-app --quiet", r["command"]!["output"]!.GetValue<string>(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ValidateApplications_CommandFailsThenPasses_SendsASecondCommandToTheFailedServerOnly()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = (await harness.Aws.OnlineNodesAsync()).Where(n => n.Platform == "Linux").Take(2).Select(n => n.InstanceId).Order(StringComparer.Ordinal).ToList();
        await harness.Aws.PostAsync("faults/script-failure", new { instanceIds = new[] { ids[0] } });
        await harness.PublishAsync(Workflow(new { instanceIds = ids, command = new[] { "curl -fsS localhost/health" }, retryInterval = "PT5M" }));

        var started = await harness.StartAsync("validate");
        var waitingForRetry = await WaitForRetryAsync(harness, started.Id);
        using (var control = new HttpClient { BaseAddress = harness.Simulators.Url("/sim/aws/_control/") })
        {
            (await control.DeleteAsync("faults")).EnsureSuccessStatusCode();
        }

        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var output = await harness.OutputAsync(instance.Id, "step");
        var commands = await harness.Aws.CommandsAsync();
        Assert.True(waitingForRetry, "the first attempt found the server unhealthy");
        Assert.Equal("Healthy", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(2, output["attemptsUsed"]!.GetValue<int>());
        Assert.Equal(2, commands.Count);
        Assert.Equal([ids[0]], commands.Single(c => c.Comment.Contains(":step:0:2", StringComparison.Ordinal)).InstanceIds);
        Assert.Equal(ids, commands.Single(c => c.Comment.Contains(":step:0:1", StringComparison.Ordinal)).InstanceIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ValidateApplications_CommandKeepsFailing_ContinuesOnUnhealthyWithTheExitCode()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = (await harness.Aws.OnlineNodesAsync()).Where(n => n.Platform == "Linux").Take(2).Select(n => n.InstanceId).Order(StringComparer.Ordinal).ToList();
        await harness.Aws.PostAsync("faults/script-failure", new { instanceIds = new[] { ids[0] } });
        await harness.PublishAsync(Workflow(new { instanceIds = ids, command = new[] { "curl -fsS localhost/health" }, attempts = 2, retryInterval = "PT1M" }));

        var started = await harness.StartAsync("validate");
        var instance = await harness.RunWhileSuspendedAsync(started.Id, Step);

        var output = await harness.OutputAsync(instance.Id, "step");
        var failed = output["results"]!.AsArray().Single(r => r!["instanceId"]!.GetValue<string>() == ids[0])!["command"]!;
        Assert.Equal("Unhealthy", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal([ids[0]], output["unhealthyIds"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal(("failed", 1), (failed["state"]!.GetValue<string>(), failed["responseCode"]!.GetValue<int>()));
        Assert.Contains("exit status 1", failed["output"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateApplications_NodeDiesBeforeTheCommit_RestartFindsTheCommandAndSendsNoSecond()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var ids = (await harness.Aws.OnlineNodesAsync()).Where(n => n.Platform == "Linux").Take(2).Select(n => n.InstanceId).ToList();
        await harness.PublishAsync(Workflow(new { instanceIds = ids, command = new[] { "systemctl is-active nginx" } }));
        var instanceId = Guid.NewGuid().ToString("N");
        harness.LoseNextCommit();

        await Assert.ThrowsAsync<IOException>(() => harness.StartAsync("validate", instanceId: instanceId));
        await harness.RestartAsync();
        await harness.StartAsync("validate", instanceId: instanceId);
        var instance = await harness.RunWhileSuspendedAsync(instanceId, Step);

        Assert.Equal("Healthy", await harness.OutcomeAsync(instance.Id, "step"));
        Assert.Equal(1, await harness.Aws.CallsAsync("SSM.SendCommand"));
        Assert.Single(await harness.Aws.CommandsAsync());
        Assert.Contains((await harness.JournalAsync(instanceId)).Select(e => e.Message), m => m?.Contains("found the check command sent earlier", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ValidateApplications_NeitherProbesNorCommand_Faults()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await harness.PublishAsync(Workflow(new { instanceIds = new[] { "i-0aaa" } }));

        var instance = await harness.StartAsync("validate");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains("needs httpProbes, a command, or both", instance.Incident!.Message, StringComparison.Ordinal);
    }

    /// <summary>Fires the command's poll timers, 10 s of engine time at a time, until the activity waits to check again.</summary>
    private static async Task<bool> WaitForRetryAsync(PatchingHarness harness, string instanceId)
    {
        for (var round = 0; round < 600; round++)
        {
            if ((await harness.JournalAsync(instanceId)).Any(e => e.Message?.Contains("checking them again", StringComparison.Ordinal) == true))
            {
                return true;
            }

            await Task.Delay(20);
            await harness.AdvanceAsync(TimeSpan.FromSeconds(10));
        }

        return false;
    }

    private static string Workflow(object inputs) => TestWorkflows.OneStep("validate", "ValidateApplications", inputs);
}
