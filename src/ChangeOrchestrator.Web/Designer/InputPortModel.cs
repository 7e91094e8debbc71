using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>Where connections into an activity end; a connection never starts here.</summary>
public sealed class InputPortModel(NodeModel parent) : PortModel(parent, PortAlignment.Top, null, null)
{
    public override bool CanAttachTo(ILinkable other) => false;
}
