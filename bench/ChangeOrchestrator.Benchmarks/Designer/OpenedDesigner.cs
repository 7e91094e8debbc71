using Microsoft.Playwright;

namespace ChangeOrchestrator.Benchmarks.Designer;

/// <summary>A designer tab once open: when its canvas became interactive and when it settled (ms since navigation), and what its connection carried until then.</summary>
internal sealed record OpenedDesigner(IPage Page, double InteractiveAt, double SettledAt, CircuitTraffic.Counts Traffic);
