using System.Net;
using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.ServiceNow;

/// <summary>The simulator's control API at {instance}/_control.</summary>
public static class ControlClient
{
    public static async Task<JsonNode> SendAsync(this ServiceNowTestHost sn, Method method, string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await sn.Anonymous().SendAsync(method, "_control/" + path, body);
        Assert.True(expected == response.Status, $"{method} _control/{path}: {(int)response.Status} {response.Raw.Content}");
        return response.Json ?? new JsonObject();
    }

    public static async Task<int> RequestCountAsync(this ServiceNowTestHost sn, string route)
    {
        var counts = await sn.SendAsync(Method.Get, "requests");
        return counts["counts"]?[route]?.GetValue<int>() ?? 0;
    }
}
