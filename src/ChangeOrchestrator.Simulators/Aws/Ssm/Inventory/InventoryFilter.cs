using System.Globalization;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Inventory;

/// <summary>A GetInventory filter such as <c>{"Key":"AWS:InstanceInformation.PlatformType","Values":["Windows"],"Type":"Equal"}</c>.</summary>
internal sealed record InventoryFilter(string TypeName, string Attribute, IReadOnlyList<string> Values, string Type)
{
    public static IReadOnlyList<InventoryFilter> Parse(SsmInput input) => [.. input.Objects("Filters").Select(filter =>
    {
        var key = filter.RequiredString("Key");
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        var type = filter.String("Type") ?? "Equal";
        if (dot <= 0 || !InventoryContent.TypeNames.Contains(key[..dot], StringComparer.Ordinal))
        {
            throw new SsmServiceException("InvalidFilter", $"The filter key {key} is not valid.");
        }

        if (type is not ("Equal" or "NotEqual" or "BeginWith" or "LessThan" or "GreaterThan" or "Exists"))
        {
            throw new SsmServiceException("InvalidFilter", $"The filter type {type} is not valid.");
        }

        return new InventoryFilter(key[..dot], key[(dot + 1)..], filter.Strings("Values"), type);
    })];

    public bool Matches(IReadOnlyDictionary<string, string>? content)
    {
        if (content is null || !content.TryGetValue(Attribute, out var actual))
        {
            return false;
        }

        return Type switch
        {
            "Exists" => true,
            "Equal" => Values.Contains(actual, StringComparer.Ordinal),
            "NotEqual" => !Values.Contains(actual, StringComparer.Ordinal),
            "BeginWith" => Values.Any(v => actual.StartsWith(v, StringComparison.Ordinal)),
            _ => Values.Any(v => Compare(actual, v) is var c && (Type == "LessThan" ? c < 0 : c > 0)),
        };
    }

    private static int Compare(string actual, string expected) =>
        double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            ? a.CompareTo(b)
            : string.CompareOrdinal(actual, expected);
}
