using Microsoft.AspNetCore.Mvc;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>The Table API at its latest path and its version-pinned ones (/api/now/v1/table, /api/now/v2/table).</summary>
internal static class TableEndpoints
{
    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];
    private static readonly string[] UpdateMethods = [HttpMethods.Patch, HttpMethods.Put];

    public static void Map(IEndpointRouteBuilder api)
    {
        MapVersion(api, "/api/now/table", version: null);
        MapVersion(api, "/api/now/v1/table", version: "v1");
        MapVersion(api, "/api/now/v2/table", version: "v2");
    }

    private static void MapVersion(IEndpointRouteBuilder api, string prefix, string? version)
    {
        api.MapMethods(prefix + "/{table}", ReadMethods,
            (HttpContext context, string table, TableReader reader) => reader.List(context, table, emptyIsNotFound: version == "v1"));
        api.MapMethods(prefix + "/{table}/{sys_id}", ReadMethods,
            (HttpContext context, string table, [FromRoute(Name = "sys_id")] string sysId, TableReader reader) => reader.Get(context, table, sysId));
        api.MapPost(prefix + "/{table}",
            (HttpContext context, string table, TableWriter writer, CancellationToken cancellationToken) => writer.CreateAsync(context, table, cancellationToken));
        api.MapMethods(prefix + "/{table}/{sys_id}", UpdateMethods,
            (HttpContext context, string table, [FromRoute(Name = "sys_id")] string sysId, TableWriter writer, CancellationToken cancellationToken) =>
                writer.UpdateAsync(context, table, sysId, cancellationToken));
        api.MapPost(prefix + "/{table}/{sys_id}",
            (HttpContext context, string table, [FromRoute(Name = "sys_id")] string sysId, TableReader reader, TableWriter writer, CancellationToken cancellationToken) =>
                TableMethodOverride.DispatchAsync(context, table, sysId, reader, writer, cancellationToken));
        api.MapDelete(prefix + "/{table}/{sys_id}",
            (HttpContext context, string table, [FromRoute(Name = "sys_id")] string sysId, TableWriter writer) => writer.Delete(context, table, sysId));
    }
}
