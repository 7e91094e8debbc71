using System.Globalization;

namespace ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

/// <summary>
/// The newest update of each package in the distribution's repositories, released over the last half year,
/// named as Patch Manager reports Linux updates (KBId <c>name.arch</c>, Title <c>name.arch:epoch:version-release</c>).
/// </summary>
internal static class LinuxPatchCatalogBuilder
{
    public static PatchCatalog Build(OperatingSystemProfile os, DateTimeOffset now)
    {
        var random = new Random(StableHash.Of(os.Key));
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var debian = os.BaselineOperatingSystem == "UBUNTU";
        var arch = debian ? "amd64" : "x86_64";
        var patches = new List<PatchDefinition>();
        var advisory = 400;

        foreach (var package in LinuxPackages.All)
        {
            var name = debian ? package.DebianName : package.RpmName;
            var release = today.AddDays(-random.Next(1, 181));
            var build = random.Next(1, 40);
            var version = os.Key switch
            {
                "AmazonLinux2023" => $"{package.Version}-{build}.amzn2023.0.{random.Next(1, 9)}",
                "RedHat9" => $"{package.Version}-{build}.el9_4",
                _ => $"{package.Version}-{build}ubuntu0.22.04.{random.Next(1, 9)}",
            };
            var epoch = package.RpmName is "openssl" or "kernel" ? 1 : 0;
            var isSecurity = package.Classification == "Security";
            IReadOnlyList<string> cves = isSecurity && !debian ? WindowsPatchCatalogBuilder.Cves(random, release, 1, 4) : [];
            advisory += random.Next(3, 30);
            var advisoryId = os.Key switch
            {
                "AmazonLinux2023" => $"ALAS2023-{release.Year}-{advisory}",
                "RedHat9" => $"{(isSecurity ? "RHSA" : package.Classification == "Bugfix" ? "RHBA" : "RHEA")}-{release.Year}:{advisory * 7}",
                _ => isSecurity ? $"USN-{6000 + advisory}-1" : null,
            };

            patches.Add(new PatchDefinition(
                0,
                $"{name}.{arch}",
                string.Create(CultureInfo.InvariantCulture, $"{name}.{arch}:{epoch}:{version}"),
                name,
                debian ? package.Section : package.Classification,
                debian ? DebianPriority(package.Severity) : package.Severity,
                os.Product,
                release,
                cves,
                advisoryId,
                isSecurity,
                package.RequiresReboot,
                null,
                package.RequiredApplication));
        }

        return new PatchCatalog(os, patches.OrderBy(p => p.ReleaseDate).Select((p, i) => p with { Index = i }).ToList());
    }

    // Patch Manager reports Debian-family package priority where RPM distributions report severity.
    private static string DebianPriority(string severity) => severity switch
    {
        "Critical" => "Required",
        "Important" => "Important",
        "Medium" => "Standard",
        _ => "Optional",
    };
}
