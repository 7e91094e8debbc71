using ChangeOrchestrator.Simulators.ServiceNow.Notifications;

namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

internal static class WebhookControlEndpoints
{
    public static void Map(RouteGroupBuilder control)
    {
        control.MapGet("/webhooks", (WebhookRegistry registry) => Results.Ok(registry.All.Select(r => new { url = r.Url, hasOwnSecret = r.Secret is not null })));
        control.MapPost("/webhooks", async (HttpRequest request, WebhookRegistry registry, CancellationToken cancellationToken) =>
        {
            var (body, error) = await ControlJson.ReadAsync<WebhookRegistrationRequest>(request, null, cancellationToken);
            if (body is null)
            {
                return error!;
            }

            if (!Uri.TryCreate(body.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return Results.Problem(title: "url must be an absolute http(s) URL", statusCode: StatusCodes.Status400BadRequest);
            }

            registry.Add(new WebhookRegistration(body.Url, body.Secret));
            return Results.Created((string?)null, new { url = body.Url });
        });
        control.MapDelete("/webhooks", (WebhookRegistry registry) =>
        {
            registry.Clear();
            return Results.NoContent();
        });
        control.MapPut("/webhooks/faults", async (HttpRequest request, WebhookFaults faults, CancellationToken cancellationToken) =>
        {
            var (body, error) = await ControlJson.ReadAsync<WebhookFaultsRequest>(request, null, cancellationToken);
            if (body is null)
            {
                return error!;
            }

            if (body.DropNext < 0 || body.DuplicateNext < 0 || body.DelaySeconds < 0)
            {
                return Results.Problem(title: "dropNext, duplicateNext and delaySeconds must not be negative", statusCode: StatusCodes.Status400BadRequest);
            }

            faults.Configure(body.DropNext, body.DuplicateNext, body.DelaySeconds);
            return Results.Ok(body);
        });
        control.MapGet("/deliveries", (DeliveryLog log) => Results.Ok(log.All.Select(d => new
        {
            deliveryId = d.DeliveryId,
            url = d.Target.Url,
            @event = ChangeNotification.EventName,
            number = d.Notification.Number,
            state = d.Notification.State,
            approval = d.Notification.Approval,
            payload = d.Payload,
            isDuplicate = d.IsDuplicate,
            outcome = d.Outcome.ToString(),
            attempts = d.Attempts.Select(a => new { number = a.Number, statusCode = a.StatusCode, error = a.Error }),
        })));
    }
}
