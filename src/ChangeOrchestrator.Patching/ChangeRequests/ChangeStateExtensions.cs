namespace ChangeOrchestrator.Patching.ChangeRequests;

public static class ChangeStateExtensions
{
    public static bool IsTerminal(this ChangeState state) => state is ChangeState.Closed or ChangeState.Cancelled;

    /// <summary>
    /// Whether a change in <paramref name="state"/> has already reached <paramref name="target"/> on the forward path,
    /// so that asking for the move again is a no-op. Cancelled is off the path: only Cancelled has reached it.
    /// </summary>
    public static bool HasReached(this ChangeState state, ChangeState target) =>
        state == target || (target != ChangeState.Cancelled && state != ChangeState.Cancelled && state > target);
}
