using Microsoft.Playwright;

namespace ChangeOrchestrator.Benchmarks.Designer;

/// <summary>
/// A designer tab once open, in ms since navigation: when the server's answer was complete, when the page went live,
/// when its canvas became interactive and when it settled; and what its connection carried until then.
/// </summary>
internal sealed record OpenedDesigner(IPage Page, double ResponseAt, double LiveAt, double InteractiveAt, double SettledAt, CircuitTraffic.Counts Traffic);
