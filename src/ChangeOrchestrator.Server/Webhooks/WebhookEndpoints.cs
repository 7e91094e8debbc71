using ChangeOrchestrator.Patching.ChangeRequests.Events;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// <c>POST /webhooks/{desk}</c> for each registered <see cref="WebhookSource"/> (<c>servicenow</c>, <c>jira</c>).
/// Anonymous as far as API keys go: each delivery is verified against its source's secrets instead (signature,
/// shared secret or basic credentials).
/// </summary>
internal static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/webhooks").WithTags("Webhooks").AllowAnonymous();
        foreach (var desk in endpoints.ServiceProvider.GetServices<WebhookSource>())
        {
            group.MapPost("/" + desk.Name, (HttpContext context, WebhookReceiver receiver, CancellationToken cancellationToken) =>
                receiver.ReceiveAsync(desk, context, cancellationToken));
        }

        return endpoints;
    }
}
