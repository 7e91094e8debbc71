namespace ChangeOrchestrator.Web.Designer;

/// <summary>A port as the browser drew it: its offset from its card's top-left corner and its size, in canvas units.</summary>
public sealed record MeasuredPort(string Id, double X, double Y, double Width, double Height);
