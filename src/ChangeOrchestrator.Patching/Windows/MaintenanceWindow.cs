namespace ChangeOrchestrator.Patching.Windows;

/// <summary>One window being considered: its start, end, and its rank among the windows tried (1 for the first).</summary>
internal sealed record MaintenanceWindow(DateTimeOffset Start, DateTimeOffset End, int Number);
