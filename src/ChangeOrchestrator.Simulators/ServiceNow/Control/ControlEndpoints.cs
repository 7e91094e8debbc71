using ChangeOrchestrator.Simulators.ServiceNow.Auth;

namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>
/// <c>/_control</c>: the simulator's own API for tests and the sandbox (not part of the instance's API), answering
/// errors with ProblemDetails.
/// </summary>
internal static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder root)
    {
        var control = root.MapGroup("/_control");
        control.MapPost("/reset", (ServiceNowReset reset) =>
        {
            reset.Reset();
            return Results.NoContent();
        });
        control.MapGet("/requests", (RequestRecorder recorder) =>
            Results.Ok(new { counts = recorder.Counts, total = recorder.Counts.Values.Sum() }));
        control.MapGet("/requests/journal", (RequestRecorder recorder) => Results.Ok(recorder.Journal));
        control.MapPost("/tokens/expire", (OAuthTokenStore tokens) => Results.Ok(new { expired = tokens.ExpireAccessTokens() }));
        control.MapPut("/rate-limit", async (HttpRequest request, RateLimiter limiter, CancellationToken cancellationToken) =>
        {
            var (body, error) = await ControlJson.ReadAsync(request, new RateLimitRequest(), cancellationToken);
            if (body is null)
            {
                return error!;
            }

            if (body.RequestsPerHour is < 1)
            {
                return Results.Problem(title: "requestsPerHour must be positive", statusCode: StatusCodes.Status400BadRequest);
            }

            limiter.Configure(body.Enabled, body.RequestsPerHour);
            return Results.Ok(limiter.Describe());
        });
        FaultControlEndpoints.Map(control);
        WebhookControlEndpoints.Map(control);
        ChangeControlEndpoints.Map(control);
    }
}
