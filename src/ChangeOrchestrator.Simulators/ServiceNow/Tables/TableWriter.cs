using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.ServiceNow.Approvals;
using ChangeOrchestrator.Simulators.ServiceNow.Changes;
using ChangeOrchestrator.Simulators.ServiceNow.Http;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>POST, PATCH/PUT and DELETE of the Table API, routed to the table's business logic.</summary>
internal sealed class TableWriter(ServiceNowStore store, ChangeRequestService changes, ApprovalDecisions approvals, PlainRecordWriter plain, RecordSerializer serializer)
{
    public async Task<IResult> CreateAsync(HttpContext context, string table, CancellationToken cancellationToken)
    {
        if (store.Catalog.Find(table) is not { } schema)
        {
            return ServiceNowError.InvalidTable(table).ToResult();
        }

        var (body, error) = await JsonBodyReader.ReadObjectAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return error!.ToResult();
        }

        var writeContext = ContextOf(context);
        var view = RecordView.From(context.Request, context.GetInstanceUrl());
        lock (store.Gate)
        {
            var outcome = table == ChangeRequestSchema.Table
                ? changes.Create(body, writeContext)
                : plain.Create(schema, body, writeContext);
            if (outcome.Record is not { } record)
            {
                return outcome.Error!.ToResult();
            }

            context.Response.Headers.Location = $"{view.InstanceUrl}/api/now/table/{table}/{record.SysId}";
            return Results.Json(new JsonObject { ["result"] = serializer.Serialize(record, view) }, statusCode: StatusCodes.Status201Created);
        }
    }

    public async Task<IResult> UpdateAsync(HttpContext context, string table, string sysId, CancellationToken cancellationToken)
    {
        if (store.Catalog.Find(table) is not { } schema)
        {
            return ServiceNowError.InvalidTable(table).ToResult();
        }

        var (body, error) = await JsonBodyReader.ReadObjectAsync(context.Request, cancellationToken);
        if (body is null)
        {
            return error!.ToResult();
        }

        var writeContext = ContextOf(context);
        var view = RecordView.From(context.Request, context.GetInstanceUrl());
        lock (store.Gate)
        {
            if (store.Find(table, sysId) is not { } record)
            {
                return ServiceNowError.NoRecord().ToResult();
            }

            var outcome = table switch
            {
                ChangeRequestSchema.Table => changes.Update(record, body, writeContext),
                ApprovalSchema.Table => approvals.Update(record, body, writeContext),
                _ => plain.Update(schema, record, body, writeContext),
            };
            return outcome.Record is { } saved
                ? Results.Json(new JsonObject { ["result"] = serializer.Serialize(saved, view) })
                : outcome.Error!.ToResult();
        }
    }

    public IResult Delete(HttpContext context, string table, string sysId)
    {
        if (store.Catalog.Find(table) is not { } schema)
        {
            return ServiceNowError.InvalidTable(table).ToResult();
        }

        var writeContext = ContextOf(context);
        lock (store.Gate)
        {
            if (store.Find(table, sysId) is not { } record)
            {
                return ServiceNowError.NoRecord().ToResult();
            }

            var error = table switch
            {
                ChangeRequestSchema.Table => changes.Delete(record, writeContext),
                ApprovalSchema.Table => ServiceNowError.AclDenied("Delete"),
                _ => plain.Delete(schema, record, writeContext),
            };
            return error is null ? Results.NoContent() : error.ToResult();
        }
    }

    private static WriteContext ContextOf(HttpContext context) =>
        new(context.GetUser(), string.Equals(context.Request.Query["sysparm_input_display_value"], "true", StringComparison.OrdinalIgnoreCase));
}
