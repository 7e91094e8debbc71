namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// <c>POST /webhooks/servicenow</c> and <c>POST /webhooks/jira</c>. Anonymous as far as API keys go: each delivery
/// is verified against its source's secrets instead (signature, shared secret or basic credentials).
/// </summary>
internal static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/webhooks").WithTags("Webhooks").AllowAnonymous();
        group.MapPost("/servicenow", (HttpContext context, WebhookReceiver receiver, CancellationToken cancellationToken) =>
            receiver.ReceiveAsync(WebhookSources.ServiceNow, context, cancellationToken));
        group.MapPost("/jira", (HttpContext context, WebhookReceiver receiver, CancellationToken cancellationToken) =>
            receiver.ReceiveAsync(WebhookSources.Jira, context, cancellationToken));
        return endpoints;
    }
}
