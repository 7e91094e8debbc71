namespace ChangeOrchestrator.Simulators.Aws.Ssm.Compliance;

/// <summary>A compliance string filter: <c>{"Key","Values","Type":"EQUAL|NOT_EQUAL|BEGIN_WITH|LESS_THAN|GREATER_THAN"}</c>.</summary>
internal sealed record ComplianceFilter(string Key, IReadOnlyList<string> Values, string Type)
{
    public static IReadOnlyList<ComplianceFilter> Parse(SsmInput input, IReadOnlyCollection<string> keys) => [.. input.Objects("Filters").Select(f =>
    {
        var key = f.RequiredString("Key");
        var type = f.String("Type") ?? "EQUAL";
        if (!keys.Contains(key) || type is not ("EQUAL" or "NOT_EQUAL" or "BEGIN_WITH" or "LESS_THAN" or "GREATER_THAN"))
        {
            throw new SsmServiceException("InvalidFilter", $"The filter {key} ({type}) is not valid.");
        }

        return new ComplianceFilter(key, f.Strings("Values"), type);
    })];

    public bool Matches(string? value) => value is not null && Type switch
    {
        "EQUAL" => Values.Contains(value, StringComparer.Ordinal),
        "NOT_EQUAL" => !Values.Contains(value, StringComparer.Ordinal),
        "BEGIN_WITH" => Values.Any(v => value.StartsWith(v, StringComparison.Ordinal)),
        "LESS_THAN" => Values.Any(v => string.CompareOrdinal(value, v) < 0),
        _ => Values.Any(v => string.CompareOrdinal(value, v) > 0),
    };
}
