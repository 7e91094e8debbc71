using ChangeOrchestrator.Simulators.Jira.Approvals;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Webhooks;
using ChangeOrchestrator.Simulators.Jira.Wire;
using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators.Jira.Control;

/// <summary>
/// The simulator's own API under <c>_control/</c> (no credentials): reset, request counters and journal, fault
/// injection, webhook registration, delivery faults and the list of deliveries made.
/// </summary>
internal static class JiraControlEndpoints
{
    public static void Map(IEndpointRouteBuilder control)
    {
        control.MapPost("/reset", Reset);
        control.MapGet("/requests", (JiraRequestLog log) => Results.Ok(new { counts = log.Counts() }));
        control.MapDelete("/requests", (JiraRequestLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
        control.MapGet("/journal", (JiraRequestLog log) => Results.Ok(log.Journal()));
        control.MapGet("/faults", (JiraFaults faults) => Results.Ok(new { settings = Describe(faults.Settings), rules = faults.Rules }));
        control.MapPut("/faults", SetFaultsAsync);
        control.MapPost("/faults/rules", AddRuleAsync);
        control.MapDelete("/faults", (JiraFaults faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        control.MapGet("/deliveries", (JiraDeliveryLog deliveries) => Results.Ok(deliveries.All()));
        control.MapGet("/webhooks", ListWebhooks);
        control.MapPost("/webhooks", RegisterWebhookAsync);
        control.MapDelete("/webhooks/{webhookId:long}", (long webhookId, JiraStore store) =>
            store.Use(state => state.Webhooks.RemoveAll(w => w.Id == webhookId)) > 0 ? Results.NoContent() : Results.NotFound());
        control.MapGet("/webhook-faults", (JiraWebhookFaults faults) => Results.Ok(faults.Counts));
        control.MapPut("/webhook-faults", ArmWebhookFaultsAsync);
        control.MapDelete("/webhook-faults", (JiraWebhookFaults faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        JiraApprovalControlEndpoints.Map(control);
    }

    private static IResult Reset(
        JiraStore store,
        JiraFaults faults,
        JiraRequestLog log,
        JiraRateLimiter limiter,
        JiraWebhookQueue queue,
        JiraWebhookFaults webhookFaults,
        JiraDeliveryLog deliveries)
    {
        queue.Reset();
        store.Reset();
        faults.Clear();
        log.Clear();
        limiter.Reset();
        webhookFaults.Clear();
        deliveries.Clear();
        return Results.NoContent();
    }

    private static async Task<IResult> SetFaultsAsync(HttpContext context, JiraFaults faults, CancellationToken cancellationToken)
    {
        var body = await JiraRequestBody.ReadObjectAsync(context, cancellationToken);
        if (!body.IsValid)
        {
            return body.Error;
        }

        var (settings, error) = JiraFaultRequests.Settings(body.Json);
        if (settings is null)
        {
            return Results.BadRequest(new { error });
        }

        faults.Settings = settings;
        return Results.Ok(Describe(settings));
    }

    private static async Task<IResult> AddRuleAsync(HttpContext context, JiraFaults faults, CancellationToken cancellationToken)
    {
        var body = await JiraRequestBody.ReadObjectAsync(context, cancellationToken);
        if (!body.IsValid)
        {
            return body.Error;
        }

        var (rule, error) = JiraFaultRequests.Rule(body.Json);
        if (rule is null)
        {
            return Results.BadRequest(new { error });
        }

        faults.Add(rule);
        return Results.Ok(faults.Rules);
    }

    private static IResult ListWebhooks(JiraStore store) => Results.Ok(store.Use(state => state.Webhooks.Select(w => new
    {
        id = w.Id,
        kind = w.Kind.ToString(),
        name = w.Name,
        url = w.Url,
        events = w.Events,
        jql = w.Jql,
        signed = w.Secret is not null && w.Kind != JiraWebhookKind.Dynamic,
        enabled = w.Enabled,
        expires = w.Expires,
    }).ToList()));

    private static async Task<IResult> RegisterWebhookAsync(HttpContext context, JiraStore store, JiraSite site, SimulatorClock clock, CancellationToken cancellationToken)
    {
        var body = await JiraRequestBody.ReadObjectAsync(context, cancellationToken);
        if (!body.IsValid)
        {
            return body.Error;
        }

        var owner = site.Accounts.FirstOrDefault(a => a.IsAdmin) ?? site.Accounts[0];
        return JiraAdminWebhookEndpoints.Register(body.Json, owner, JiraLinks.From(context), store, site, clock);
    }

    private static async Task<IResult> ArmWebhookFaultsAsync(HttpContext context, JiraWebhookFaults faults, CancellationToken cancellationToken)
    {
        var body = await JiraRequestBody.ReadObjectAsync(context, cancellationToken);
        if (!body.IsValid)
        {
            return body.Error;
        }

        faults.Arm(JiraFaultRequests.WebhookFaults(body.Json));
        return Results.Ok(faults.Counts);
    }

    private static object Describe(JiraFaultSettings settings) => new
    {
        latencyMs = settings.Latency.TotalMilliseconds,
        errorRate = settings.ErrorRate,
        errorStatus = settings.ErrorStatus,
        retryAfterSeconds = settings.RetryAfterSeconds,
        route = settings.Route,
        method = settings.Method,
    };
}
