using System.Globalization;

namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>
/// Where a page of the server list ends: the list runs by critical non-compliant count (most first), pending reboots
/// (most first), then server id, so the next page starts after this key.
/// </summary>
public sealed record ServerListKey(int CriticalNonCompliant, int InstalledPendingReboot, string ServerId)
{
    public static ServerListKey Of(ServerComplianceState server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new(server.Counts.CriticalNonCompliant, server.Counts.InstalledPendingReboot, server.ServerId);
    }

    public string ToToken() => PageToken.Join(
        CriticalNonCompliant.ToString(CultureInfo.InvariantCulture), InstalledPendingReboot.ToString(CultureInfo.InvariantCulture), ServerId);

    /// <summary>The key a token of <see cref="ToToken"/> holds; false for anything else.</summary>
    public static bool TryParse(string? token, out ServerListKey? key)
    {
        key = null;
        if (PageToken.Split(token, 3) is not [var critical, var reboot, var server]
            || !int.TryParse(critical, NumberStyles.None, CultureInfo.InvariantCulture, out var c)
            || !int.TryParse(reboot, NumberStyles.None, CultureInfo.InvariantCulture, out var r))
        {
            return false;
        }

        key = new ServerListKey(c, r, server);
        return true;
    }
}
