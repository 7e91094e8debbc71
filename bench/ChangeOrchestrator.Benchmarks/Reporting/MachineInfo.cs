using System.Runtime.InteropServices;

namespace ChangeOrchestrator.Benchmarks.Reporting;

/// <summary>What the figures were measured on.</summary>
internal sealed record MachineInfo(int Cores, double MemoryGiB, string Os, string Architecture, string Cpu)
{
    public static MachineInfo Collect() => new(
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        RuntimeInformation.OSDescription,
        RuntimeInformation.OSArchitecture.ToString(),
        CpuModel());

    /// <summary>The 1, 5 and 15 minute load averages: above the core count, something else competed for the CPU.</summary>
    public static string LoadAverage()
    {
        const string loadAverage = "/proc/loadavg";
        return File.Exists(loadAverage)
            ? string.Join(" / ", File.ReadAllText(loadAverage).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3))
            : "unknown";
    }

    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo))
        {
            return "unknown";
        }

        var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?.Split(':', 2)[1].Trim() ?? "unknown";
    }
}
