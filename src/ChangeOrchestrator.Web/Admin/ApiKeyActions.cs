using ChangeOrchestrator.Web.Security;

namespace ChangeOrchestrator.Web.Admin;

/// <summary>
/// Issue and revoke API keys from the console: the same service as <c>/api/admin/api-keys</c>, refused without the
/// Admin role as the API refuses it, and audited under the API's action names with the status it would answer.
/// </summary>
public sealed class ApiKeyActions(IApiKeyAdministration keys, ConsoleAudit audit)
{
    public Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken) => keys.ListAsync(cancellationToken);

    public async Task<ApiKeyIssue> CreateAsync(NewApiKey request, CancellationToken cancellationToken)
    {
        var user = await audit.UserAsync();
        if (!user.IsInRole(ConsolePolicies.Admin))
        {
            await audit.RecordAsync("access.denied", "route", "apikey.create", 403, null, cancellationToken);
            return new ApiKeyIssue { Errors = new Dictionary<string, string> { [""] = "You may not do this: it needs the Admin role." } };
        }

        var issue = await keys.CreateAsync(request, user.Identity?.Name ?? "unknown", cancellationToken);
        await audit.RecordAsync("apikey.create", "apikey", issue.Summary?.Id, issue.Succeeded ? 201 : 400, issue.Summary?.Name, cancellationToken);
        return issue;
    }

    /// <summary>The key as revoked, or the reason it was not.</summary>
    public async Task<(ApiKeySummary? Revoked, string? Error)> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        var user = await audit.UserAsync();
        if (!user.IsInRole(ConsolePolicies.Admin))
        {
            await audit.RecordAsync("access.denied", "route", $"apikey.revoke {id}", 403, null, cancellationToken);
            return (null, "You may not do this: it needs the Admin role.");
        }

        var revoked = await keys.RevokeAsync(id, user.Identity?.Name ?? "unknown", cancellationToken);
        await audit.RecordAsync("apikey.revoke", "apikey", id, revoked is null ? 404 : 200, revoked?.Name, cancellationToken);
        return revoked is null ? (null, $"No issued API key has the id '{id}'.") : (revoked, null);
    }
}
