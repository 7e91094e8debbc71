namespace ChangeOrchestrator.Server.Audit;

/// <summary>
/// Tells the audit log about a refused credential (<c>auth.failed</c>). Authentication knows its schemes; the audit
/// log only records what it is told, so it depends on no scheme.
/// </summary>
internal interface IRefusedCredentials
{
    /// <summary>The credential the request presented, or null when it presented none.</summary>
    Task<RefusedCredential?> DescribeAsync(HttpContext context);
}
