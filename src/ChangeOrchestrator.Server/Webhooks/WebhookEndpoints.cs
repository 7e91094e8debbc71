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
            // The typed result describes 202 and 200; the refusals are problem details whose statuses it cannot know.
            group.MapPost("/" + desk.Name, (HttpContext context, WebhookReceiver receiver, CancellationToken cancellationToken) =>
                    receiver.ReceiveAsync(desk, context, cancellationToken))
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status401Unauthorized)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status429TooManyRequests);
        }

        return endpoints;
    }
}
