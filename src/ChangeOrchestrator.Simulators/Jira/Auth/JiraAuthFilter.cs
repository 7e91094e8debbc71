using ChangeOrchestrator.Simulators.Jira.Wire;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Jira.Auth;

/// <summary>Answers 401 for bad or missing credentials before any handler runs, and records the caller.</summary>
internal sealed class JiraAuthFilter(JiraAuthenticator authenticator, IOptions<JiraSimulatorOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var caller = authenticator.Authenticate(http);
        var anonymousAllowed = options.Value.AnonymousSearchReturnsEmpty
            && http.GetEndpoint()?.Metadata.GetMetadata<JiraAnonymousSearch>() is not null;
        if (caller is null || (caller.Account is null && !anonymousAllowed))
        {
            return JiraErrors.Unauthorized(options.Value.UnauthorizedAsPlainText);
        }

        http.SetJiraCaller(caller);
        return await next(context);
    }
}
