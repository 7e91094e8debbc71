namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

internal static class FaultControlEndpoints
{
    private static readonly int[] InjectableStatuses = [400, 401, 403, 404, 429, 500, 502, 503, 504];

    public static void Map(RouteGroupBuilder control)
    {
        control.MapGet("/faults", (FaultInjector faults) => Results.Ok(new { settings = faults.Settings, pendingFailures = faults.PendingFailures }));
        control.MapPut("/faults", async (HttpRequest request, FaultInjector faults, CancellationToken cancellationToken) =>
        {
            var (settings, error) = await ControlJson.ReadAsync<FaultSettings>(request, null, cancellationToken);
            if (settings is null)
            {
                return error!;
            }

            if (settings.ErrorRate is < 0 or > 1 || settings.LatencyMilliseconds < 0 || !InjectableStatuses.Contains(settings.ErrorStatus))
            {
                return Results.Problem(title: "Invalid fault settings",
                    detail: "errorRate is 0..1, latencyMilliseconds is not negative, errorStatus is one of " + string.Join(", ", InjectableStatuses),
                    statusCode: StatusCodes.Status400BadRequest);
            }

            faults.Configure(settings);
            return Results.Ok(settings);
        });
        control.MapPost("/faults/fail-next", async (HttpRequest request, FaultInjector faults, CancellationToken cancellationToken) =>
        {
            var (body, error) = await ControlJson.ReadAsync<FailNextRequest>(request, null, cancellationToken);
            if (body is null)
            {
                return error!;
            }

            if (body.Count < 1 || body.After < 0 || !InjectableStatuses.Contains(body.Status))
            {
                return Results.Problem(title: "Invalid fail-next rule",
                    detail: "count is positive, after is not negative, status is one of " + string.Join(", ", InjectableStatuses),
                    statusCode: StatusCodes.Status400BadRequest);
            }

            faults.FailNext(new FailNextRule(body.Count, new InjectedFault(body.Status, body.RetryAfterSeconds, body.NonJsonBody), body.Route, body.After));
            return Results.Ok(new { pendingFailures = faults.PendingFailures });
        });
        control.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Reset();
            return Results.NoContent();
        });
    }
}
