using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Auth;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Wire;
using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

/// <summary>Admin webhooks over REST (<c>/rest/webhooks/1.0/webhook</c>), Jira administrators only. The secret is write-only.</summary>
internal static class JiraAdminWebhookEndpoints
{
    private const string Forbidden = "Only Jira administrators can manage webhooks.";

    public static void Map(IEndpointRouteBuilder rest)
    {
        rest.MapGet("/webhooks/1.0/webhook", List);
        rest.MapPost("/webhooks/1.0/webhook", CreateAsync);
        rest.MapGet("/webhooks/1.0/webhook/{webhookId:long}", Get);
        rest.MapPut("/webhooks/1.0/webhook/{webhookId:long}", UpdateAsync);
        rest.MapDelete("/webhooks/1.0/webhook/{webhookId:long}", Delete);
    }

    /// <summary>Registration without credentials, for the control API (same body and answer).</summary>
    public static IResult Register(JsonObject body, JiraAccount owner, JiraLinks links, JiraStore store, JiraSite site, SimulatorClock clock)
    {
        var (registration, errors) = JiraWebhookRegistration.Parse(body, site, clock.UtcNow);
        if (registration is null)
        {
            return JiraErrors.Fields(errors);
        }

        return store.Use(state =>
        {
            var webhook = JiraWebhookFactory.FromRegistration(state.NextWebhookId(), registration, owner.AccountId, clock.UtcNow);
            state.Webhooks.Add(webhook);
            return JiraResults.Json(JiraWebhookJson.Admin(webhook, site, links), StatusCodes.Status201Created);
        });
    }

    private static IResult List(HttpContext context, JiraStore store, JiraSite site)
    {
        if (!context.JiraCaller().IsAdmin)
        {
            return JiraErrors.Forbidden(Forbidden);
        }

        var links = JiraLinks.From(context);
        return store.Use(state => JiraResults.Json(JiraJson.Array(state.Webhooks
            .Where(w => w.Kind != JiraWebhookKind.Dynamic)
            .Select(w => (JsonNode?)JiraWebhookJson.Admin(w, site, links)))));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, JiraStore store, JiraSite site, SimulatorClock clock, CancellationToken cancellationToken)
    {
        if (!context.JiraCaller().IsAdmin)
        {
            return JiraErrors.Forbidden(Forbidden);
        }

        var body = await JiraRequestBody.ReadObjectAsync(context, cancellationToken);
        return body.IsValid ? Register(body.Json, context.JiraAccount(), JiraLinks.From(context), store, site, clock) : body.Error;
    }

    private static IResult Get(long webhookId, HttpContext context, JiraStore store, JiraSite site)
    {
        if (!context.JiraCaller().IsAdmin)
        {
            return JiraErrors.Forbidden(Forbidden);
        }

        var links = JiraLinks.From(context);
        return store.Use(state => Find(state, webhookId) is { } webhook
            ? JiraResults.Json(JiraWebhookJson.Admin(webhook, site, links))
            : JiraErrors.NotFound($"Webhook with id {webhookId} does not exist."));
    }

    private static async Task<IResult> UpdateAsync(long webhookId, HttpContext context, JiraStore store, JiraSite site, SimulatorClock clock, CancellationToken cancellationToken)
    {
        if (!context.JiraCaller().IsAdmin)
        {
            return JiraErrors.Forbidden(Forbidden);
        }

        var body = await JiraRequestBody.ReadObjectAsync(context, cancellationToken);
        if (!body.IsValid)
        {
            return body.Error;
        }

        var (registration, errors) = JiraWebhookRegistration.Parse(body.Json, site, clock.UtcNow);
        var links = JiraLinks.From(context);
        return store.Use(state =>
        {
            if (Find(state, webhookId) is not { } webhook)
            {
                return JiraErrors.NotFound($"Webhook with id {webhookId} does not exist.");
            }

            if (registration is null)
            {
                return JiraErrors.Fields(errors);
            }

            JiraWebhookFactory.Update(webhook, registration, clock.UtcNow);
            return JiraResults.Json(JiraWebhookJson.Admin(webhook, site, links));
        });
    }

    private static IResult Delete(long webhookId, HttpContext context, JiraStore store)
    {
        if (!context.JiraCaller().IsAdmin)
        {
            return JiraErrors.Forbidden(Forbidden);
        }

        return store.Use(state => Find(state, webhookId) is { } webhook && state.Webhooks.Remove(webhook)
            ? JiraResults.NoContent()
            : JiraErrors.NotFound($"Webhook with id {webhookId} does not exist."));
    }

    private static JiraWebhook? Find(JiraState state, long id) =>
        state.Webhooks.FirstOrDefault(w => w.Id == id && w.Kind != JiraWebhookKind.Dynamic);
}
