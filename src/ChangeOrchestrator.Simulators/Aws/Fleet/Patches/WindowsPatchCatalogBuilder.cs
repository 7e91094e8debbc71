using System.Globalization;

namespace ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

/// <summary>
/// A year of Patch Tuesdays: cumulative updates, .NET and servicing stack updates, SQL Server security updates,
/// plus the single rolling Defender and MSRT entries, with KB numbers that rise month by month.
/// </summary>
internal static class WindowsPatchCatalogBuilder
{
    public static PatchCatalog Build(OperatingSystemProfile os, DateTimeOffset now)
    {
        var random = new Random(StableHash.Of(os.Key));
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var patches = new List<PatchDefinition>();
        var is2022 = os.Key == "WindowsServer2022";
        var cuTarget = is2022
            ? "Microsoft server operating system version 21H2 for x64-based Systems"
            : "Windows Server 2019 for x64-based Systems";
        DateTimeOffset? latestTuesday = null;

        for (var monthsBack = 11; monthsBack >= 0; monthsBack--)
        {
            var month = new DateTimeOffset(today.Year, today.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-monthsBack);
            var release = SecondTuesday(month);
            if (release > today)
            {
                continue;
            }

            latestTuesday = release;
            var label = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var kbBase = 5_030_000 + (((month.Year - 2024) * 12) + month.Month) * 1_000 + (is2022 ? 0 : 500);

            Add(patches, $"KB{kbBase + 17}", $"{label} Cumulative Update for {cuTarget} (KB{kbBase + 17})",
                "SecurityUpdates", "Critical", os.Product, release, Cves(random, release, 4, 9), "CU", null);
            if (month.Month % 2 == 0)
            {
                Add(patches, $"KB{kbBase + 121}",
                    $"{label} Cumulative Update for .NET Framework 3.5, 4.8 and 4.8.1 for {cuTarget} (KB{kbBase + 121})",
                    "SecurityUpdates", "Important", os.Product, release, Cves(random, release, 1, 3), "NET", null);
            }

            if (month.Month % 3 == 0)
            {
                Add(patches, $"KB{kbBase + 233}", $"{label} Servicing Stack Update for {cuTarget} (KB{kbBase + 233})",
                    "SecurityUpdates", "Critical", os.Product, release, [], "SSU", null);
            }

            if (month.Month % 3 == 1)
            {
                var cu = 20 + ((month.Year - 2024) * 4) + (month.Month / 3);
                Add(patches, $"KB{kbBase + 345}", $"Security Update for SQL Server 2019 RTM CU{cu} (KB{kbBase + 345})",
                    "SecurityUpdates", "Important", "MicrosoftSQLServer2019", release, Cves(random, release, 1, 2), "SQL", "sql");
            }

            if (monthsBack < 6)
            {
                var preview = release.AddDays(14);
                if (preview <= today)
                {
                    Add(patches, $"KB{kbBase + 457}", $"{label} Cumulative Update Preview for {cuTarget} (KB{kbBase + 457})",
                        "Updates", "Unspecified", os.Product, preview, [], "Preview", null);
                }
            }
        }

        if (latestTuesday is { } msrt)
        {
            Add(patches, "KB890830", $"Windows Malicious Software Removal Tool x64 - v5.{130 + msrt.Month} (KB890830)",
                "UpdateRollups", "Unspecified", os.Product, msrt, [], null, null);
        }

        var definitions = today.AddDays(-1);
        Add(patches, "KB2267602",
            $"Security Intelligence Update for Microsoft Defender Antivirus - KB2267602 (Version 1.421.{random.Next(100, 999)}.0)",
            "DefinitionUpdates", "Unspecified", os.Product, definitions, [], null, null);

        return new PatchCatalog(os, patches.OrderBy(p => p.ReleaseDate).Select((p, i) => p with { Index = i }).ToList());
    }

    private static void Add(
        List<PatchDefinition> patches, string kbId, string title, string classification, string severity, string product,
        DateTimeOffset release, IReadOnlyList<string> cves, string? series, string? application)
    {
        var isSecurity = classification is "SecurityUpdates" or "CriticalUpdates";
        var reboots = classification is not "DefinitionUpdates";
        patches.Add(new PatchDefinition(0, kbId, title, kbId, classification, severity, product, release, cves, null,
            isSecurity, reboots, series, application));
    }

    private static DateTimeOffset SecondTuesday(DateTimeOffset monthStart)
    {
        var offset = ((int)DayOfWeek.Tuesday - (int)monthStart.DayOfWeek + 7) % 7;
        return monthStart.AddDays(offset + 7);
    }

    internal static List<string> Cves(Random random, DateTimeOffset release, int min, int max)
    {
        var count = random.Next(min, max + 1);
        var cves = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            cves.Add(string.Create(CultureInfo.InvariantCulture, $"CVE-{release.Year}-{random.Next(20_000, 59_999)}"));
        }

        return cves;
    }
}
