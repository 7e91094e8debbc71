namespace ChangeOrchestrator.Web.Designer;

/// <summary>An activity's card as the browser drew it (designer.js <c>measureNodes</c>), in canvas units.</summary>
public sealed record MeasuredNode(string Id, double Width, double Height, IReadOnlyList<MeasuredPort> Ports);
