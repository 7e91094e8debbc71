using ChangeOrchestrator.Web.Admin;

namespace ChangeOrchestrator.Server.Security;

/// <summary>The answer of <c>GET /api/admin/api-keys</c>: every key the server accepts, configured and issued.</summary>
public sealed record ApiKeyList(IReadOnlyList<ApiKeySummary> Items);
