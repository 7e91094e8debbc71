using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Auth;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Wire;
using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

/// <summary>
/// Dynamic webhooks (<c>/rest/api/3/webhook</c>): apps only (403 otherwise), unsigned, a JQL filter each, and an
/// expiry 30 days (simulated) after registration or the last refresh.
/// </summary>
internal static class JiraDynamicWebhookEndpoints
{
    private const string Forbidden = "Only Connect and OAuth 2.0 apps can use this operation.";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public static void Map(IEndpointRouteBuilder rest)
    {
        rest.MapPost("/api/3/webhook", RegisterAsync);
        rest.MapGet("/api/3/webhook", List);
        rest.MapPut("/api/3/webhook/refresh", RefreshAsync);
        rest.MapDelete("/api/3/webhook", DeleteAsync);
    }

    private static async Task<IResult> RegisterAsync(HttpContext context, JiraStore store, JiraSite site, SimulatorClock clock, CancellationToken cancellationToken)
    {
        if (!context.JiraCaller().IsApp)
        {
            return JiraErrors.Forbidden(Forbidden);
        }

        var body = await JiraRequestBody.ReadObjectAsync(context, cancellationToken);
        if (!body.IsValid)
        {
            return body.Error;
        }

        var url = JiraJson.String(body.Json, "url");
        if (!JiraWebhookRegistration.IsHttpUrl(url) || body.Json["webhooks"] is not JsonArray requested)
        {
            return JiraErrors.BadRequest("A webhook registration needs an absolute 'url' and a 'webhooks' array.");
        }

        var owner = context.JiraAccount().AccountId;
        var now = clock.UtcNow;
        return store.Use(state =>
        {
            var results = new JsonArray();
            foreach (var item in requested.OfType<JsonObject>())
            {
                var errors = new Dictionary<string, string>();
                var events = item["events"] is JsonArray e ? e.Select(JiraJson.String).OfType<string>().ToList() : [];
                var jql = JiraJson.String(item, "jqlFilter") ?? "";
                var filter = JiraWebhookRegistration.TryCompile(jql, site, now, errors);
                if (events.Count == 0 || events.Any(x => !JiraIssueEvent.Known.Contains(x)) || string.IsNullOrWhiteSpace(jql) || errors.Count > 0)
                {
                    var message = errors.Values.FirstOrDefault() ?? "Each webhook needs known 'events' and a 'jqlFilter'.";
                    results.Add(new JsonObject { ["errors"] = JiraJson.Strings([message]) });
                    continue;
                }

                var webhook = new JiraWebhook
                {
                    Id = state.NextWebhookId(),
                    Kind = JiraWebhookKind.Dynamic,
                    Name = "dynamic",
                    Url = url!,
                    Events = events,
                    Jql = jql,
                    Filter = filter,
                    FieldIdsFilter = item["fieldIdsFilter"] is JsonArray f ? f.Select(JiraJson.String).OfType<string>().ToList() : [],
                    LastUpdated = now,
                    Expires = now + clock.ToReal(Lifetime),
                    OwnerAccountId = owner,
                };
                state.Webhooks.Add(webhook);
                results.Add(new JsonObject { ["createdWebhookId"] = webhook.Id });
            }

            return JiraResults.Json(new JsonObject { ["webhookRegistrationResult"] = results });
        });
    }

    private static IResult List(HttpContext context, JiraStore store)
    {
        if (!context.JiraCaller().IsApp)
        {
            return JiraErrors.Forbidden(Forbidden);
        }

        var owner = context.JiraAccount().AccountId;
        var startAt = JiraQuery.Int(context.Request.Query["startAt"], 0, 0, int.MaxValue);
        var maxResults = JiraQuery.Int(context.Request.Query["maxResults"], 100, 1, 100);
        return store.Use(state =>
        {
            var mine = state.Webhooks.Where(w => w.Kind == JiraWebhookKind.Dynamic && w.OwnerAccountId == owner).ToList();
            var page = mine.Skip(startAt).Take(maxResults).ToList();
            return JiraResults.Json(new JsonObject
            {
                ["maxResults"] = maxResults,
                ["startAt"] = startAt,
                ["total"] = mine.Count,
                ["isLast"] = startAt + page.Count >= mine.Count,
                ["values"] = JiraJson.Array(page.Select(w => (JsonNode?)JiraWebhookJson.Dynamic(w))),
            });
        });
    }

    private static async Task<IResult> RefreshAsync(HttpContext context, JiraStore store, SimulatorClock clock, CancellationToken cancellationToken)
    {
        var (ids, error) = await ReadIdsAsync(context, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var expires = clock.UtcNow + clock.ToReal(Lifetime);
        var owner = context.JiraAccount().AccountId;
        store.Use(state =>
        {
            foreach (var webhook in state.Webhooks.Where(w => w.Kind == JiraWebhookKind.Dynamic && w.OwnerAccountId == owner && ids.Contains(w.Id)))
            {
                webhook.Expires = expires;
            }

            return 0;
        });
        return JiraResults.Json(new JsonObject { ["expirationDate"] = JiraDates.Format(expires) });
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, JiraStore store, CancellationToken cancellationToken)
    {
        var (ids, error) = await ReadIdsAsync(context, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var owner = context.JiraAccount().AccountId;
        store.Use(state => state.Webhooks.RemoveAll(w => w.Kind == JiraWebhookKind.Dynamic && w.OwnerAccountId == owner && ids.Contains(w.Id)));
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static async Task<(HashSet<long> Ids, IResult? Error)> ReadIdsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (!context.JiraCaller().IsApp)
        {
            return ([], JiraErrors.Forbidden(Forbidden));
        }

        var body = await JiraRequestBody.ReadObjectAsync(context, cancellationToken);
        if (!body.IsValid)
        {
            return ([], body.Error);
        }

        var ids = body.Json["webhookIds"] is JsonArray array
            ? array.Select(n => long.TryParse(JiraJson.String(n), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id > 0).ToHashSet()
            : [];
        return ids.Count == 0 ? ([], JiraErrors.BadRequest("webhookIds must list at least one webhook id.")) : (ids, null);
    }
}
