using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>One outcome of an activity: connections start here and end at another activity's input port.</summary>
public sealed class OutcomePortModel(NodeModel parent, string outcome) : PortModel(parent, PortAlignment.Bottom, null, null)
{
    public string Outcome { get; } = outcome;

    public override bool CanAttachTo(ILinkable other) => !Locked && other is InputPortModel input && input.Parent != Parent && !input.Locked;
}
