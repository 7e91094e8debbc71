namespace ChangeOrchestrator.Web.Admin;

/// <summary>
/// Issuing and revoking API keys: the one service behind <c>/api/admin/api-keys</c> and the console's API keys page,
/// so both apply the same rules and store keys the same way (the hash only).
/// </summary>
public interface IApiKeyAdministration
{
    /// <summary>Every key the server accepts or accepted: configured ones first, then issued ones, newest first.</summary>
    Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Issues a key; the result carries the key itself, the only time anyone sees it, or the field errors.</summary>
    Task<ApiKeyIssue> CreateAsync(NewApiKey request, string createdBy, CancellationToken cancellationToken);

    /// <summary>Revokes an issued key; null when no issued key has the id (configured keys are revoked in configuration).</summary>
    Task<ApiKeySummary?> RevokeAsync(string id, string revokedBy, CancellationToken cancellationToken);
}
