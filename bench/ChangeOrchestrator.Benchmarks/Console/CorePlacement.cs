using System.Diagnostics;
using System.Globalization;
using ChangeOrchestrator.Benchmarks.Running;

namespace ChangeOrchestrator.Benchmarks.Console;

/// <summary>
/// Moves whole process trees (every thread of every process) onto chosen cores with util-linux's <c>taskset</c>. The
/// console scenario uses it to keep the browsers off the cores of the server and the database: in production the
/// browsers run on the users' machines, and on a two-core bench machine 50 live chromium pages keep a core busy on
/// their own, which is load on the engine that no deployment has.
/// </summary>
internal static class CorePlacement
{
    /// <summary>util-linux's <c>taskset</c>.</summary>
    public const string TaskSet = "/usr/bin/taskset";

    /// <summary>Whether processes can be split between cores here: two cores or more and <c>taskset</c> installed.</summary>
    public static bool Available => Environment.ProcessorCount >= 2 && File.Exists(TaskSet) && Directory.Exists("/proc");

    /// <summary>Every core of the machine, as <c>taskset -c</c> takes it.</summary>
    public static string AllCores => string.Create(CultureInfo.InvariantCulture, $"0-{Environment.ProcessorCount - 1}");

    /// <summary>The cores other than core 0.</summary>
    public static string OtherCores => Environment.ProcessorCount == 2 ? "1" : string.Create(CultureInfo.InvariantCulture, $"1-{Environment.ProcessorCount - 1}");

    /// <summary>Pins each process and all its descendants, every thread, to <paramref name="cores"/>.</summary>
    public static async Task PinTreesAsync(IEnumerable<int> roots, string cores, CancellationToken cancellationToken)
    {
        var parents = ParentsOfAll();
        foreach (var pid in roots.SelectMany(root => WithDescendants(root, parents)).Distinct())
        {
            using var taskset = Process.Start(new ProcessStartInfo(TaskSet, ["-a", "-p", "-c", cores, pid.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            await taskset.WaitForExitAsync(cancellationToken);

            // A process that ended meanwhile (a browser helper, a database backend that closed) has nothing left to move.
            if (taskset.ExitCode != 0 && Directory.Exists($"/proc/{pid}"))
            {
                throw new InvalidOperationException($"taskset -a -p -c {cores} {pid} failed: {await taskset.StandardError.ReadToEndAsync(cancellationToken)}");
            }
        }
    }

    /// <summary>The PostgreSQL server's main process (the postmaster), read from its data folder's <c>postmaster.pid</c>.</summary>
    public static int PostmasterPid(string dataDirectory) =>
        int.Parse(File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);

    private static List<int> WithDescendants(int root, Dictionary<int, int> parents)
    {
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
        {
            tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        }

        return tree;
    }

    /// <summary>Each live process's parent, from <c>/proc/&lt;pid&gt;/stat</c> (the field after the parenthesised name and the state).</summary>
    private static Dictionary<int, int> ParentsOfAll()
    {
        var parents = new Dictionary<int, int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                parents[pid] = ProcStat.Parse(File.ReadAllText(Path.Combine(folder, "stat"))).ParentId;
            }
            catch (IOException)
            {
                // The process ended while the table was read.
            }
        }

        return parents;
    }
}
