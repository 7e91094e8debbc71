using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Site;

/// <summary>The gateway style URL only reaches this site under its own cloudId.</summary>
internal sealed class JiraCloudIdFilter(JiraSite site) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.Request.RouteValues.TryGetValue("cloudId", out var cloudId) && cloudId as string == site.CloudId
            ? await next(context)
            : JiraErrors.NotFound("Site not found.");
}
