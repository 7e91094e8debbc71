namespace ChangeOrchestrator.Server.Audit;

internal static class HttpContextAuditExtensions
{
    /// <summary>The request's audit scope; a detached one (recorded nowhere) for a request the log does not cover.</summary>
    public static AuditScope Audit(this HttpContext context) => context.Features.Get<AuditScope>() ?? new AuditScope();
}
