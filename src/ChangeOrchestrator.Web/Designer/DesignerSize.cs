namespace ChangeOrchestrator.Web.Designer;

/// <summary>How much room an activity takes on the canvas.</summary>
public readonly record struct DesignerSize(double Width, double Height)
{
    public const double Height0 = 64;

    /// <summary>An activity's card: wide enough for a port per outcome along its bottom edge.</summary>
    public static DesignerSize For(int outcomeCount) => new(Math.Max(200, (outcomeCount * 86) + 16), Height0 + 24);
}
