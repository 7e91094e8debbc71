using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// Correlation ids end up in desk queries (ServiceNow encoded queries, Jira labels and JQL), so they are limited to
/// characters that need no escaping anywhere and to ServiceNow's 100-character correlation_id field.
/// </summary>
public static partial class CorrelationIds
{
    public const int MaxLength = 100;

    public static bool IsValid(string? correlationId) => correlationId is not null && Pattern().IsMatch(correlationId);

    public static void EnsureValid(string? correlationId)
    {
        if (!IsValid(correlationId))
        {
            throw new ArgumentException(
                $"A correlation id is 1-{MaxLength} letters, digits and . _ - : / characters; '{correlationId}' is not.", nameof(correlationId));
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._:/-]{1,100}$")]
    private static partial Regex Pattern();
}
