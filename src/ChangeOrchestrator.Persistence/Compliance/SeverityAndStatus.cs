namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>A severity (in any case) and an SLA status code, as the SLA counts are merged.</summary>
internal sealed class SeverityAndStatus : IEqualityComparer<(string Severity, int Status)>
{
    public static SeverityAndStatus Comparer { get; } = new();

    public bool Equals((string Severity, int Status) x, (string Severity, int Status) y) =>
        x.Status == y.Status && string.Equals(x.Severity, y.Severity, StringComparison.OrdinalIgnoreCase);

    public int GetHashCode((string Severity, int Status) obj) => HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Severity), obj.Status);
}
