namespace ChangeOrchestrator.Connectors.Webhooks;

/// <summary>Header lookups of a delivery, whose header dictionary ignores case as HTTP does.</summary>
internal static class WebhookHeaders
{
    public static IReadOnlyList<string> Values(IReadOnlyDictionary<string, string[]> headers, string name) =>
        headers.TryGetValue(name, out var values) ? values : [];

    /// <summary>All values of the header joined by commas, as a proxy folding repeated headers would send them; empty when absent.</summary>
    public static string Joined(IReadOnlyDictionary<string, string[]> headers, string name) =>
        string.Join(',', Values(headers, name));
}
