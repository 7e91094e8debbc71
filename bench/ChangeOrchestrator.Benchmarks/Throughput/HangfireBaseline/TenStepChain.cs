using System.Collections.Concurrent;
using ChangeOrchestrator.Benchmarks.Throughput.WorkflowCoreBaseline;

namespace ChangeOrchestrator.Benchmarks.Throughput.HangfireBaseline;

/// <summary>
/// The throughput flow's ten steps as Hangfire jobs: step n of a chain is one job, a continuation of step n − 1.
/// Hangfire has no workflow data, so each chain's variables live here in memory, keyed by chain; what the peer
/// keeps durable is each job and its state changes, in PostgreSQL. Total ends at 70, as in the other flows.
/// </summary>
internal static class TenStepChain
{
    public const int Steps = 10;

    private static readonly ConcurrentDictionary<string, TenStepData> Data = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, TaskCompletionSource<TenStepData>> LastStepRun = new(StringComparer.Ordinal);

    /// <summary>Makes a chain's data and returns the task that completes when its last step has run.</summary>
    public static Task<TenStepData> Begin(string chain)
    {
        Data[chain] = TenStepData.Sample();
        return LastStepRun.GetOrAdd(chain, _ => new TaskCompletionSource<TenStepData>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
    }

    public static void End(string chain)
    {
        Data.TryRemove(chain, out _);
        LastStepRun.TryRemove(chain, out _);
    }

    /// <summary>Step <paramref name="step"/> of <paramref name="chain"/>; Hangfire invokes it by reflection, so it is public.</summary>
    public static void Run(string chain, int step)
    {
        var d = Data[chain];
        switch (step)
        {
            case 0: d.Total = d.Count * 2; break;
            case 1: d.LastCheck = d.Environment == "Prod" && d.Count > 0; break;
            case 2: d.Label = d.Environment + "-" + d.Total; break;
            case 3: d.LastCheck = d.Total > 1; break;
            case 4: d.Total += 1; break;
            case 5: d.LastCheck = d.Label.Length > 0; break;
            case 6: d.Approved = d.Total % 2 == 1; break;
            case 7: d.LastCheck = d.Approved; break;
            case 8: d.Total *= 10; break;
            default:
                d.LastCheck = d.Total >= 10;
                LastStepRun[chain].TrySetResult(d);
                break;
        }
    }
}
