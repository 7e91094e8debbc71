using System.Globalization;

namespace ChangeOrchestrator.Patching.Policies.Loading;

/// <summary>Reads an exception: a server (or all), a patch or a CVE, who approved it, why, and until when.</summary>
internal static class ExceptionReader
{
    public static PatchExemption? Read(YamlObject yaml)
    {
        yaml.Only("server", "patch", "cve", "reason", "approver", "expires");
        var server = yaml.String("server");
        if (server is not null && !PolicyRules.InstanceId().IsMatch(server))
        {
            yaml.Error("server", $"'{server}' is not an instance id (i-... or mi-...)");
        }

        var patch = yaml.String("patch");
        var cve = yaml.String("cve");
        if ((patch is null) == (cve is null))
        {
            yaml.Error(patch is null ? "patch" : "cve", "give exactly one of patch and cve");
        }

        if (cve is not null && !PolicyRules.Cve().IsMatch(cve))
        {
            yaml.Error("cve", $"'{cve}' is not a CVE id such as CVE-2025-21298");
        }

        var reason = yaml.String("reason", required: true);
        var approver = yaml.String("approver", required: true);
        var expiresText = yaml.String("expires", required: true);
        DateOnly? expires = null;
        if (expiresText is not null)
        {
            if (DateOnly.TryParseExact(expiresText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                expires = date;
            }
            else
            {
                yaml.Error("expires", $"'{expiresText}' must be a date written YYYY-MM-DD");
            }
        }

        return reason is null || approver is null || expires is null || (patch is null && cve is null) ? null : new PatchExemption
        {
            Server = server,
            Patch = patch,
            Cve = cve,
            Reason = reason,
            Approver = approver,
            Expires = expires.Value,
            Location = yaml.Location,
        };
    }
}
