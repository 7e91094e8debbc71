namespace ChangeOrchestrator.Web.Designer;

/// <summary>The canvas's place on the page, as the browser measures it.</summary>
public sealed record CanvasRect(double Left, double Top, double Width, double Height);
