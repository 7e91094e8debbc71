using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.IntegrationTests.Webhooks.Support;

/// <summary>What the ServiceNow business rule of the README posts: a small change_request notification with a shared secret header.</summary>
public static class ServiceNowDeliveries
{
    public const string OldSecret = "servicenow-shared-secret-old-01";
    public const string NewSecret = "servicenow-shared-secret-new-02";

    public static string Change(string number, string state, string approval, DateTimeOffset? at = null) => new JsonObject
    {
        ["event"] = "change.updated",
        ["sys_id"] = "0f8e2a1c5b7d4e3f9a6b1c2d3e4f5a6b",
        ["number"] = number,
        ["state"] = state,
        ["approval"] = approval,
        ["correlation_id"] = "",
        ["updated_on"] = (at ?? TimeProvider.System.GetUtcNow()).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
    }.ToJsonString();

    /// <summary>The change authorized: Scheduled with approval approved.</summary>
    public static string Approved(string number, DateTimeOffset? at = null) => Change(number, "-2", "approved", at);

    public static HttpRequestMessage Request(string body, string? secret, string? deliveryId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/servicenow") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add("X-Webhook-Token", secret);
        }

        if (deliveryId is not null)
        {
            request.Headers.Add("X-Delivery-Id", deliveryId);
        }

        return request;
    }

    public static HttpRequestMessage BasicRequest(string body, string user, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/servicenow") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return request;
    }
}
