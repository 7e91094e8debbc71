using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using ChangeOrchestrator.Web.Instances;

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

    /// <summary>Where a test run stands at this activity; null when no run is shown (or the run's version lacks it).</summary>
    public ActivityStatus? RunStatus { get; set; }

    /// <summary>How this activity differs in a comparison of two versions; null outside a comparison.</summary>
    public GraphChange? Change { get; set; }

    public IEnumerable<OutcomePortModel> OutcomePorts => Ports.OfType<OutcomePortModel>();

    public InputPortModel? InputPort => Ports.OfType<InputPortModel>().FirstOrDefault();
}
