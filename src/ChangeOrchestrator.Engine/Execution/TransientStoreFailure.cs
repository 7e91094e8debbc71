using System.Data.Common;

namespace ChangeOrchestrator.Engine.Execution;

/// <summary>
/// Tells a passing outage of the product's own database (a restart, a dropped connection, a timeout: what the driver
/// itself calls transient) from a fault of the activity. A burst that meets one cannot be the activity's fault and
/// could not commit reliably either: it is abandoned uncommitted, like a crash at that point, and its timer,
/// delivery or event runs it again. Any other failure, a database one included, stays the activity's fault.
/// </summary>
internal static class TransientStoreFailure
{
    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
