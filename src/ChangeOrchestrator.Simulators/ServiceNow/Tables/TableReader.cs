using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using ChangeOrchestrator.Simulators.ServiceNow.Http;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Query;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>GET of the Table API: a filtered, sorted page of a table, or one record.</summary>
internal sealed class TableReader(
    ServiceNowStore store,
    QueryEvaluator evaluator,
    RecordSerializer serializer,
    IOptionsMonitor<ServiceNowSimulatorOptions> options)
{
    public const int DefaultLimit = 10_000;

    /// <summary>Lists records; <paramref name="emptyIsNotFound"/> is the v1 quirk of answering 404 to an empty list.</summary>
    public IResult List(HttpContext context, string table, int defaultLimit = DefaultLimit, bool emptyIsNotFound = false)
    {
        if (store.Catalog.Find(table) is not { } schema)
        {
            return ServiceNowError.InvalidTable(table).ToResult();
        }

        var (query, error) = ListQuery.Parse(context.Request, defaultLimit);
        if (query is null)
        {
            return error!.ToResult();
        }

        var view = RecordView.From(context.Request, context.GetInstanceUrl());
        JsonArray page;
        int total;
        lock (store.Gate)
        {
            var matches = evaluator.Run(schema, store.Rows(table), query.Filter, options.CurrentValue.InvalidQueryReturnsNoRows).ToList();
            total = matches.Count;
            page = [.. matches.Skip(query.Offset).Take(query.Limit).Select(r => serializer.Serialize(r, view))];
        }

        if (emptyIsNotFound && total == 0)
        {
            return ServiceNowError.NoRecord().ToResult();
        }

        PaginationHeaders.Apply(context, query, total);
        return Results.Json(new JsonObject { ["result"] = page });
    }

    public IResult Get(HttpContext context, string table, string sysId)
    {
        if (store.Catalog.Find(table) is null)
        {
            return ServiceNowError.InvalidTable(table).ToResult();
        }

        var view = RecordView.From(context.Request, context.GetInstanceUrl());
        lock (store.Gate)
        {
            return store.Find(table, sysId) is { } record
                ? Results.Json(new JsonObject { ["result"] = serializer.Serialize(record, view) })
                : ServiceNowError.NoRecord().ToResult();
        }
    }
}
