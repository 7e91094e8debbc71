using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Patches;

/// <summary>
/// DescribeAvailablePatches: the vendor patches Patch Manager knows, released up to now, with their release dates
/// (DescribeInstancePatches reports none). Filters are ANDed across keys and ORed across values; PATCH_ID matches
/// the id DescribeInstancePatches reports as KBId (the KB on Windows, name.arch on Linux), PRODUCT the product
/// (WindowsServer2022, AmazonLinux2023, ...). Without a PRODUCT filter every operating system's patches are listed.
/// </summary>
internal sealed class DescribeAvailablePatchesOperation : ISsmOperation
{
    private static readonly string[] FilterKeys =
    [
        "PATCH_SET", "PRODUCT", "PRODUCT_FAMILY", "CLASSIFICATION", "MSRC_SEVERITY", "SEVERITY", "PATCH_ID", "NAME", "CVE_ID", "ADVISORY_ID",
    ];

    /// <summary>A PatchOrchestratorFilter holds 1 to 20 values.</summary>
    private const int MaxFilterValues = 20;

    public string Name => "DescribeAvailablePatches";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var filters = input.Objects("Filters").Select(f => (Key: f.RequiredString("Key"), Values: f.Strings("Values"))).ToList();
        foreach (var (key, values) in filters)
        {
            if (!FilterKeys.Contains(key, StringComparer.Ordinal))
            {
                throw SsmErrors.Validation("filters.member.key", $"Member must be one of {string.Join(", ", FilterKeys)}", key);
            }

            if (values.Count is 0 or > MaxFilterValues)
            {
                throw SsmErrors.Validation("filters.member.values", $"Member must have length between 1 and {MaxFilterValues}", values.Count);
            }
        }

        var now = world.Now;
        var patches = world.Fleet.Catalogs.Values
            .SelectMany(catalog => catalog.Patches.Select(patch => (catalog.Os, Patch: patch)))
            .Where(p => p.Patch.ReleaseDate <= now && filters.TrueForAll(f => f.Values.Any(v => Matches(p.Os, p.Patch, f.Key, v))))
            .OrderBy(p => p.Os.Product, StringComparer.Ordinal)
            .ThenBy(p => p.Patch.ReleaseDate)
            .ThenBy(p => p.Patch.KbId, StringComparer.Ordinal)
            .ToList();
        var page = SsmPaging.Page(input, world, patches, 1, 100, 100);
        var result = new JsonObject { ["Patches"] = new JsonArray([.. page.Items.Select(p => (JsonNode)AvailablePatchJson.Patch(p.Os, p.Patch))]) };
        if (page.NextToken is not null)
        {
            result["NextToken"] = page.NextToken;
        }

        return result;
    }

    private static bool Matches(Fleet.OperatingSystemProfile os, PatchDefinition patch, string key, string value) => key switch
    {
        "PATCH_ID" => string.Equals(patch.KbId, value, StringComparison.OrdinalIgnoreCase),
        "PRODUCT" => value == "*" || string.Equals(patch.Product, value, StringComparison.Ordinal),
        "PRODUCT_FAMILY" => string.Equals(os.ProductFamily, value, StringComparison.Ordinal),
        "PATCH_SET" => os.IsWindows && value is "OS" or "APPLICATION" && (value == "APPLICATION") == (patch.RequiredApplication is not null),
        "CLASSIFICATION" => string.Equals(patch.Classification, value, StringComparison.Ordinal),
        "MSRC_SEVERITY" => os.IsWindows && string.Equals(patch.Severity, value, StringComparison.Ordinal),
        "SEVERITY" => !os.IsWindows && string.Equals(patch.Severity, value, StringComparison.Ordinal),
        "NAME" => string.Equals(patch.PackageName, value, StringComparison.Ordinal),
        "CVE_ID" => patch.CveIds.Contains(value, StringComparer.Ordinal),
        _ => string.Equals(patch.AdvisoryId, value, StringComparison.Ordinal),
    };
}
