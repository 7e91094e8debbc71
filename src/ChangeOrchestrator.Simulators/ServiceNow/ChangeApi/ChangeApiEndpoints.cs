using Microsoft.AspNetCore.Mvc;

namespace ChangeOrchestrator.Simulators.ServiceNow.ChangeApi;

internal static class ChangeApiEndpoints
{
    private static readonly string[] Types = ["normal", "standard", "emergency"];

    public static void Map(IEndpointRouteBuilder api)
    {
        MapVersion(api, "/api/sn_chg_rest/change");
        MapVersion(api, "/api/sn_chg_rest/v1/change");
    }

    private static void MapVersion(IEndpointRouteBuilder api, string prefix)
    {
        api.MapGet(prefix + "/standard/template", (HttpContext context, ChangeApiService service) => service.StandardTemplates(context));
        api.MapPost(prefix + "/normal", (HttpContext context, ChangeApiService service, CancellationToken cancellationToken) =>
            service.CreateAsync(context, "normal", null, cancellationToken));
        api.MapPost(prefix + "/emergency", (HttpContext context, ChangeApiService service, CancellationToken cancellationToken) =>
            service.CreateAsync(context, "emergency", null, cancellationToken));
        api.MapPost(prefix + "/standard/{template_id}", (HttpContext context, [FromRoute(Name = "template_id")] string templateId, ChangeApiService service, CancellationToken cancellationToken) =>
            service.CreateAsync(context, "standard", templateId, cancellationToken));
        api.MapPost(prefix, (HttpContext context, ChangeApiService service, CancellationToken cancellationToken) =>
            service.CreateAsync(context, null, null, cancellationToken));
        api.MapGet(prefix, (HttpContext context, ChangeApiService service) => service.List(context, null));
        api.MapPatch(prefix + "/{sys_id}/approvals", (HttpContext context, [FromRoute(Name = "sys_id")] string sysId, ChangeApiService service, CancellationToken cancellationToken) =>
            service.DecideAsync(context, sysId, cancellationToken));
        api.MapGet(prefix + "/{sys_id}/nextstates", ([FromRoute(Name = "sys_id")] string sysId, ChangeApiService service) => service.NextStates(sysId));
        MapRecord(api, prefix + "/{sys_id}", type: null);
        foreach (var type in Types)
        {
            api.MapGet(prefix + "/" + type, (HttpContext context, ChangeApiService service) => service.List(context, type));
            MapRecord(api, prefix + "/" + type + "/{sys_id}", type);
        }
    }

    private static void MapRecord(IEndpointRouteBuilder api, string pattern, string? type)
    {
        api.MapGet(pattern, ([FromRoute(Name = "sys_id")] string sysId, ChangeApiService service) => service.Get(sysId, type));
        api.MapPatch(pattern, (HttpContext context, [FromRoute(Name = "sys_id")] string sysId, ChangeApiService service, CancellationToken cancellationToken) =>
            service.UpdateAsync(context, sysId, cancellationToken));
        api.MapDelete(pattern, (HttpContext context, [FromRoute(Name = "sys_id")] string sysId, ChangeApiService service) => service.Delete(context, sysId, type));
    }
}
