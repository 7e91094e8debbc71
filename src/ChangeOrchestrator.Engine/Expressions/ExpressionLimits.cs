namespace ChangeOrchestrator.Engine.Expressions;

/// <summary>The sandbox's limits for one evaluation (configuration section <c>Engine:Expressions</c>).</summary>
public sealed class ExpressionLimits
{
    public const string Section = "Engine:Expressions";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    public long MaxStatements { get; set; } = 100_000;

    public long MaxMemoryBytes { get; set; } = 16 * 1024 * 1024;

    public int MaxRecursionDepth { get; set; } = 64;

    /// <summary>Compiled expressions kept per pooled engine; past this the cache starts over, so it cannot grow without bound.</summary>
    public int MaxCachedExpressions { get; set; } = 512;
}
