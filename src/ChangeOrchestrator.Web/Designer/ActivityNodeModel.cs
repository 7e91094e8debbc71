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

        // The card's size comes from the designer's own measurement (MeasureNodesAsync on the page), taken for all
        // cards in one call, instead of a resize observer per card, each reporting over the connection.
        ControlledSize = true;
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

    /// <summary>
    /// Places the card and its ports where designer.css draws them, until the browser has measured them: the ports are
    /// marked initialized, so the diagram library does not measure each one with a round trip of its own.
    /// </summary>
    public void PlacePorts()
    {
        var outcomes = OutcomePorts.ToList();
        var size = DesignerSize.For(outcomes.Count);
        Size = new Size(size.Width, size.Height);
        if (InputPort is { } input)
        {
            input.Size = new Size(12, 12);
            input.Position = new Point(Position.X + (size.Width / 2) - 6, Position.Y - 6);
            input.Initialized = true;
        }

        var slot = (size.Width - 16) / Math.Max(1, outcomes.Count);
        for (var i = 0; i < outcomes.Count; i++)
        {
            var port = outcomes[i];
            port.Size = new Size(Math.Min(slot - 4, 80), 20);
            port.Position = new Point(Position.X + 8 + (slot * i) + ((slot - port.Size.Width) / 2), Position.Y + size.Height - 26);
            port.Initialized = true;
        }
    }

    /// <summary>Takes the card's size and its ports' places from the browser's measurement, and redraws its connections.</summary>
    public void ApplyMeasurement(MeasuredNode measured)
    {
        Size = new Size(measured.Width, measured.Height);
        foreach (var at in measured.Ports)
        {
            if (Ports.FirstOrDefault(p => p.Id == at.Id) is { } port)
            {
                port.Position = new Point(Position.X + at.X, Position.Y + at.Y);
                port.Size = new Size(at.Width, at.Height);
                port.Initialized = true;
            }
        }

        RefreshLinks();
    }
}
