using System.Diagnostics.Metrics;
using ChangeOrchestrator.Engine.Observation;

namespace ChangeOrchestrator.Web.Live;

/// <summary>
/// What the console's live pages cost the node, as counters of the meter <c>ChangeOrchestrator.Console</c> (read with
/// <c>dotnet-counters</c> or any OpenTelemetry exporter): the reads their refreshes made, the renders they pushed to a
/// browser, the refreshes that found what the page shows unchanged and pushed nothing, and how many live pages watch
/// the node's commits (a page closed but still watching would show here as a count that only grows).
/// </summary>
public sealed class LiveRefreshMetrics
{
    public const string MeterName = "ChangeOrchestrator.Console";

    private readonly Counter<long> _reads;
    private readonly Counter<long> _renders;
    private readonly Counter<long> _unchanged;

    public LiveRefreshMetrics(IMeterFactory meters, InstanceChangeFeed feed)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("changeorchestrator.console.live.pages", () => feed.Subscribers, "{page}", "Live pages watching the node's commits.");
        _reads = meter.CreateCounter<long>("changeorchestrator.console.live.reads", "{read}", "Database reads made by live pages' refreshes.");
        _renders = meter.CreateCounter<long>("changeorchestrator.console.live.renders", "{render}", "Live pages' refreshes rendered and pushed to the browser.");
        _unchanged = meter.CreateCounter<long>("changeorchestrator.console.live.unchanged", "{refresh}", "Live pages' refreshes that found what the page shows unchanged.");
    }

    public void Read(string page) => _reads.Add(1, new KeyValuePair<string, object?>("page", page));

    /// <summary>Counts one refresh of <paramref name="page"/>: rendered when what it shows changed, else unchanged.</summary>
    public void Refreshed(string page, bool rendered) =>
        (rendered ? _renders : _unchanged).Add(1, new KeyValuePair<string, object?>("page", page));
}
