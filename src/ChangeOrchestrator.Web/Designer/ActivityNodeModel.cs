using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>An activity on the canvas: one input port on top, one port per outcome along the bottom.</summary>
public sealed class ActivityNodeModel : NodeModel
{
    public ActivityNodeModel(string activityId, string type, DesignerPoint at)
        : base(activityId, new Point(at.X, at.Y))
    {
        Type = type;
    }

    public string ActivityId => Id;

    public string Type { get; }

    public string? Label { get; set; }

    public string? Category { get; set; }

    /// <summary>Whether validation reported something about this activity.</summary>
    public bool HasProblem { get; set; }

    public bool IsStart { get; set; }

    public IEnumerable<OutcomePortModel> OutcomePorts => Ports.OfType<OutcomePortModel>();

    public InputPortModel? InputPort => Ports.OfType<InputPortModel>().FirstOrDefault();
}
