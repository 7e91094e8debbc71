using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.ServiceNow.Approvals;
using ChangeOrchestrator.Simulators.ServiceNow.Changes;
using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using ChangeOrchestrator.Simulators.ServiceNow.Http;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Query;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.ServiceNow.ChangeApi;

/// <summary>
/// The Change Management API (<c>/api/sn_chg_rest</c>) over the same records as the Table API: fields from query
/// parameters or body (body wins), state labels accepted, 200 on create, ignored fields listed in <c>__meta</c>.
/// </summary>
internal sealed class ChangeApiService(
    ServiceNowStore store,
    ChangeRequestService changes,
    ApprovalDecisions approvals,
    ChangeApiSerializer serializer,
    QueryEvaluator evaluator,
    IOptionsMonitor<ServiceNowSimulatorOptions> options)
{
    public async Task<IResult> CreateAsync(HttpContext context, string? type, string? templateId, CancellationToken cancellationToken)
    {
        var (fields, error) = await FieldsAsync(context, cancellationToken);
        if (fields is null)
        {
            return error!.ToResult();
        }

        if (type is not null)
        {
            fields["type"] = type;
        }

        lock (store.Gate)
        {
            ServiceNowRecord? template = null;
            if (templateId is not null && (template = store.Find(StandardChangeTemplateSchema.Table, templateId)) is null)
            {
                return ServiceNowError.NoRecord().ToResult();
            }

            return Respond(changes.Create(fields, WriteContextOf(context), template));
        }
    }

    public async Task<IResult> UpdateAsync(HttpContext context, string sysId, CancellationToken cancellationToken)
    {
        var (fields, error) = await FieldsAsync(context, cancellationToken);
        if (fields is null)
        {
            return error!.ToResult();
        }

        lock (store.Gate)
        {
            return store.Find(ChangeRequestSchema.Table, sysId) is { } change
                ? Respond(changes.Update(change, fields, WriteContextOf(context)))
                : ServiceNowError.NoRecord().ToResult();
        }
    }

    /// <summary>Approves or rejects as the calling user, who must hold a pending approval of the change.</summary>
    public async Task<IResult> DecideAsync(HttpContext context, string sysId, CancellationToken cancellationToken)
    {
        var (fields, error) = await FieldsAsync(context, cancellationToken);
        if (fields is null)
        {
            return error!.ToResult();
        }

        var decision = JsonBodyReader.ToFieldValue(fields["state"]);
        var comment = JsonBodyReader.ToFieldValue(fields["comments"]);
        if (decision is not (ApprovalValues.Approved or ApprovalValues.Rejected))
        {
            return ServiceNowError.BadRequest("Invalid approval state", "state must be approved or rejected").ToResult();
        }

        if (decision == ApprovalValues.Rejected && comment.Trim().Length == 0)
        {
            return ServiceNowError.BadRequest("Comments are required", "A reason must be given in comments when rejecting").ToResult();
        }

        var user = context.GetUser();
        lock (store.Gate)
        {
            if (store.Find(ChangeRequestSchema.Table, sysId) is not { } change)
            {
                return ServiceNowError.NoRecord().ToResult();
            }

            var approval = ApprovalRecords.Pending(store, change.SysId).FirstOrDefault(a => a["approver"] == user.SysId);
            if (approval is null)
            {
                return ServiceNowError.BadRequest("Cannot approve or reject", $"User {user.UserName} has no pending approval for {change["number"]}").ToResult();
            }

            var failure = approvals.Decide(approval, decision == ApprovalValues.Approved, comment, user.UserName);
            return failure?.ToResult() ?? Results.Json(new JsonObject { ["result"] = serializer.Serialize(change) });
        }
    }

    public IResult Get(string sysId, string? type)
    {
        lock (store.Gate)
        {
            return Find(sysId, type) is { } change
                ? Results.Json(new JsonObject { ["result"] = serializer.Serialize(change) })
                : ServiceNowError.NoRecord().ToResult();
        }
    }

    public IResult List(HttpContext context, string? type)
    {
        var (query, error) = ListQuery.Parse(context.Request, TableReader.DefaultLimit);
        if (query is null)
        {
            return error!.ToResult();
        }

        var schema = store.Catalog.Get(ChangeRequestSchema.Table);
        var order = context.Request.Query["order"].ToString();
        var filter = order.Length == 0 ? query.Filter : query.Filter with { Orders = [.. query.Filter.Orders, new QueryOrder(order, false)] };
        lock (store.Gate)
        {
            var matches = evaluator.Run(schema, store.Rows(schema.Name), filter, options.CurrentValue.InvalidQueryReturnsNoRows)
                .Where(c => type is null || c["type"] == type)
                .ToList();
            PaginationHeaders.Apply(context, query, matches.Count);
            var page = matches.Skip(query.Offset).Take(query.Limit).Select(c => serializer.Serialize(c));
            return Results.Json(new JsonObject { ["result"] = new JsonArray([.. page]) });
        }
    }

    public IResult NextStates(string sysId)
    {
        lock (store.Gate)
        {
            return store.Find(ChangeRequestSchema.Table, sysId) is { } change
                ? Results.Json(new JsonObject { ["result"] = NextStatesBuilder.Build(change) })
                : ServiceNowError.NoRecord().ToResult();
        }
    }

    /// <summary>Deletes and echoes the deleted record with 200, unlike the Table API's 204.</summary>
    public IResult Delete(HttpContext context, string sysId, string? type)
    {
        lock (store.Gate)
        {
            if (Find(sysId, type) is not { } change)
            {
                return ServiceNowError.NoRecord().ToResult();
            }

            var echo = serializer.Serialize(change);
            var error = changes.Delete(change, WriteContextOf(context));
            return error?.ToResult() ?? Results.Json(new JsonObject { ["result"] = echo });
        }
    }

    public IResult StandardTemplates(HttpContext context)
    {
        var view = new RecordView(context.GetInstanceUrl(), null, DisplayValueMode.All, ExcludeReferenceLink: true);
        lock (store.Gate)
        {
            var templates = store.Rows(StandardChangeTemplateSchema.Table).Where(t => t["active"] == "true");
            return Results.Json(new JsonObject { ["result"] = new JsonArray([.. templates.Select(t => TemplateJson(t, view))]) });
        }
    }

    private static JsonObject TemplateJson(ServiceNowRecord template, RecordView view) => new()
    {
        ["sys_id"] = new JsonObject { ["value"] = template.SysId, ["display_value"] = template.SysId },
        ["name"] = new JsonObject { ["value"] = template["name"], ["display_value"] = template["name"] },
        ["short_description"] = new JsonObject { ["value"] = template["short_description"], ["display_value"] = template["short_description"] },
        ["link"] = $"{view.InstanceUrl}/api/now/table/{StandardChangeTemplateSchema.Table}/{template.SysId}",
    };

    private ServiceNowRecord? Find(string sysId, string? type) =>
        store.Find(ChangeRequestSchema.Table, sysId) is { } change && (type is null || change["type"] == type) ? change : null;

    private IResult Respond(WriteOutcome outcome) => outcome.Record is { } record
        ? Results.Json(new JsonObject { ["result"] = serializer.Serialize(record, outcome.IgnoredFields) })
        : outcome.Error!.ToResult();

    private static async Task<(JsonObject? Fields, ServiceNowError? Error)> FieldsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBodyReader.ReadObjectAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return (null, error);
        }

        var fields = new JsonObject();
        foreach (var (name, value) in context.Request.Query.Where(p => !p.Key.StartsWith("sysparm_", StringComparison.OrdinalIgnoreCase)))
        {
            fields[name] = value.ToString();
        }

        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            fields[name] = value;
        }

        return (fields, null);
    }

    private static WriteContext WriteContextOf(HttpContext context) => new(context.GetUser(), InputDisplayValue: false, AcceptStateLabels: true);
}
