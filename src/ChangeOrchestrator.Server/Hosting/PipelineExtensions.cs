using ChangeOrchestrator.Server.Api;
using ChangeOrchestrator.Server.Audit;
using ChangeOrchestrator.Server.Http;
using ChangeOrchestrator.Server.Security;
using ChangeOrchestrator.Server.Settings;

namespace ChangeOrchestrator.Server.Hosting;

/// <summary>The order of the middleware around the endpoints, and the endpoints of sign-in, audit, settings and API keys.</summary>
internal static class PipelineExtensions
{
    /// <summary>
    /// The outer layer of the pipeline: security headers on every response, and the audit log, which must see the
    /// final status (after the exception handler) of each request.
    /// </summary>
    public static WebApplication UseChangeOrchestratorAudit(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<AuditMiddleware>();
        return app;
    }

    /// <summary>
    /// Authentication, the login rate limit, authorization, then the body limits and the check of parsed query values:
    /// a caller learns nothing about a body's or a parameter's rules before proving who they are.
    /// </summary>
    public static WebApplication UseChangeOrchestratorAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<RequestBodyGuard>();
        app.UseMiddleware<QueryValueCheck>();
        return app;
    }

    /// <summary><c>/auth/*</c>, <c>GET /api/audit</c>, <c>GET /api/settings</c> and <c>/api/admin/api-keys</c>.</summary>
    public static WebApplication MapSecurityApi(this WebApplication app)
    {
        app.MapAuthApi();
        app.MapAuditApi();
        app.MapSettingsApi();
        app.MapApiKeysApi();
        return app;
    }
}
