using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.ServiceNow.Notifications;

public sealed class WebhookDispatcherTests
{
    [Fact]
    public async Task StateChange_ReceiverFailsTwice_RetriedWithTheSameDeliveryIdUntilDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        await using var sn = await StartAsync(receiver);
        var id = (await sn.Admin.CreateChangeAsync(new { short_description = "Retry" })).Text("sys_id");

        await sn.Admin.PatchChangeAsync(id, new { state = "-4" });
        var posts = await receiver.WaitForAsync(3);
        var deliveries = await WaitForOutcomeAsync(sn, "Delivered");

        Assert.Equal([500, 500, 200], posts.Select(p => p.AnsweredStatus));
        Assert.Single(posts.Select(p => p.Header("X-Delivery-Id")).Distinct());
        Assert.Equal(["1", "2", "3"], posts.Select(p => p.Header("X-Delivery-Attempt")));
        var delivery = Assert.Single(deliveries.AsArray())!;
        Assert.Equal([500, 500, 200], delivery["attempts"]!.AsArray().Select(a => a!["statusCode"]!.GetValue<int>()));
    }

    [Fact]
    public async Task StateChange_ReceiverAlwaysFails_GivesUpAfterMaxAttempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 100);
        await using var sn = await StartAsync(receiver, ("Simulators:ServiceNow:Notifications:MaxAttempts", "3"));
        var id = (await sn.Admin.CreateChangeAsync(new { short_description = "Unreachable" })).Text("sys_id");

        await sn.Admin.PatchChangeAsync(id, new { state = "-4" });
        var deliveries = await WaitForOutcomeAsync(sn, "Failed");

        Assert.Equal(3, Assert.Single(deliveries.AsArray())!["attempts"]!.AsArray().Count);
        Assert.Equal(3, receiver.Received.Count);
    }

    [Fact]
    public async Task DropNext_Fault_LosesTheDeliveryAndRecordsIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sn = await StartAsync(receiver);
        var id = (await sn.Admin.CreateChangeAsync(new { short_description = "Dropped" })).Text("sys_id");
        await sn.SendAsync(Method.Put, "webhooks/faults", new { dropNext = 1 });

        await sn.Admin.PatchChangeAsync(id, new { state = "-4" });
        await sn.Admin.PatchChangeAsync(id, new { state = "-5" });
        var posts = await receiver.WaitForAsync(1);
        var deliveries = (await sn.SendAsync(Method.Get, "deliveries")).AsArray();

        Assert.Equal("-5", Assert.Single(posts).Json.Text("state"));
        Assert.Equal(["Dropped", "-4"], [deliveries[0]!.Text("outcome"), deliveries[0]!.Text("state")]);
    }

    [Fact]
    public async Task DuplicateNext_Fault_SendsTheSameDeliveryTwice()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sn = await StartAsync(receiver);
        var id = (await sn.Admin.CreateChangeAsync(new { short_description = "Twice" })).Text("sys_id");
        await sn.SendAsync(Method.Put, "webhooks/faults", new { duplicateNext = 1 });

        await sn.Admin.PatchChangeAsync(id, new { state = "-4" });
        var posts = await receiver.WaitForAsync(2);

        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].Header("X-Delivery-Id"), posts[1].Header("X-Delivery-Id"));
        Assert.Equal(posts[0].Body, posts[1].Body);
    }

    [Fact]
    public async Task RegisteredAtRuntime_WithHmacKey_SignsTheBodyInBase64()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sn = await ServiceNowTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Simulators:ServiceNow:Notifications:HmacKey"] = "mac-key",
        });
        await sn.SendAsync(Method.Post, "webhooks", new { url = receiver.Url.ToString(), secret = "own-secret" }, HttpStatusCode.Created);
        var id = (await sn.Admin.CreateChangeAsync(new { type = "standard" })).Text("sys_id");

        await sn.Admin.PatchChangeAsync(id, new { state = "-2" });
        var post = Assert.Single(await receiver.WaitForAsync(1));

        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes("mac-key"), Encoding.UTF8.GetBytes(post.Body)));
        Assert.Equal(expected, post.Header("X-Webhook-Signature"));
        Assert.Equal("own-secret", post.Header("X-Webhook-Token"));
        Assert.Equal(("-2", "approved"), (post.Json.Text("state"), post.Json.Text("approval")));
    }

    [Fact]
    public async Task UpdateWithoutStateOrApprovalChange_SendsNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sn = await StartAsync(receiver);
        var id = (await sn.Admin.CreateChangeAsync(new { short_description = "Quiet" })).Text("sys_id");

        await sn.Admin.PatchChangeAsync(id, new { short_description = "Still quiet", work_notes = "note" });
        await sn.Admin.PatchChangeAsync(id, new { state = "-4" });
        var posts = await receiver.WaitForAsync(1);
        var deliveries = (await sn.SendAsync(Method.Get, "deliveries")).AsArray();

        Assert.Equal("-4", Assert.Single(posts).Json.Text("state"));
        Assert.Single(deliveries);
    }

    [Fact]
    public async Task BasicAuthMode_Delivery_CarriesBasicCredentialsInsteadOfTheSecret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sn = await StartAsync(receiver,
            ("Simulators:ServiceNow:Notifications:AuthMode", "Basic"),
            ("Simulators:ServiceNow:Notifications:BasicUserName", "hook"),
            ("Simulators:ServiceNow:Notifications:BasicPassword", "pw"));
        var id = (await sn.Admin.CreateChangeAsync(new { short_description = "Basic" })).Text("sys_id");

        await sn.Admin.PatchChangeAsync(id, new { state = "-4" });
        var post = Assert.Single(await receiver.WaitForAsync(1));

        Assert.Equal("Basic " + Convert.ToBase64String("hook:pw"u8.ToArray()), post.Header("Authorization"));
        Assert.Null(post.Header("X-Webhook-Token"));
    }

    private static Task<ServiceNowTestHost> StartAsync(WebhookReceiver receiver, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?> { ["Simulators:ServiceNow:Notifications:Urls:0"] = receiver.Url.ToString() };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return ServiceNowTestHost.StartAsync(all);
    }

    private static async Task<JsonNode> WaitForOutcomeAsync(ServiceNowTestHost sn, string outcome)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var deliveries = await sn.SendAsync(Method.Get, "deliveries");
            if (deliveries.AsArray().All(d => d!.Text("outcome") == outcome) || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                return deliveries;
            }

            await Task.Delay(20);
        }
    }
}
