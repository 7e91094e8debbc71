using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Patches;

/// <summary>A patch as DescribeAvailablePatches spells it: Microsoft's catalogue fields on Windows, the package's NEVRA on Linux.</summary>
internal static class AvailablePatchJson
{
    public static JsonObject Patch(OperatingSystemProfile os, PatchDefinition patch)
    {
        var json = new JsonObject
        {
            ["Id"] = StableId(os, patch),
            ["ReleaseDate"] = SsmJson.Epoch(patch.ReleaseDate),
            ["Title"] = patch.Title,
            ["Description"] = patch.Title,
            ["Vendor"] = os.IsWindows ? "Microsoft" : os.ProductFamily,
            ["ProductFamily"] = os.ProductFamily,
            ["Product"] = patch.Product,
            ["Classification"] = patch.Classification,
            ["CVEIds"] = SsmJson.Strings(patch.CveIds),
        };
        if (os.IsWindows)
        {
            json["ContentUrl"] = string.Create(CultureInfo.InvariantCulture, $"https://support.microsoft.com/help/{patch.KbId[2..]}");
            json["MsrcSeverity"] = patch.Severity;
            json["KbNumber"] = patch.KbId;
            json["MsrcNumber"] = "";
            json["Language"] = "All";
            return json;
        }

        // Linux titles are name.arch:epoch:version (see LinuxPatchCatalogBuilder).
        var parts = patch.Title.Split(':');
        json["Name"] = patch.PackageName;
        json["Arch"] = patch.KbId[(patch.KbId.LastIndexOf('.') + 1)..];
        json["Epoch"] = parts.Length > 1 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var epoch) ? epoch : 0;
        json["Version"] = parts.Length > 2 ? parts[2] : "";
        json["Release"] = "";
        json["Severity"] = patch.Severity;
        json["Repository"] = os.ProductFamily;
        json["AdvisoryIds"] = SsmJson.Strings(patch.AdvisoryId is { } advisory ? [advisory] : []);
        json["BugzillaIds"] = new JsonArray();
        return json;
    }

    private static string StableId(OperatingSystemProfile os, PatchDefinition patch) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes($"{os.Key}/{patch.KbId}/{patch.Title}")).AsSpan(0, 16)).ToString();
}
