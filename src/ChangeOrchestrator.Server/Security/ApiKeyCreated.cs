using ChangeOrchestrator.Web.Admin;

namespace ChangeOrchestrator.Server.Security;

/// <summary>The answer to an issued key: the key itself, shown only here (the server keeps its hash), and its summary.</summary>
public sealed record ApiKeyCreated(string Key, ApiKeySummary ApiKey);
