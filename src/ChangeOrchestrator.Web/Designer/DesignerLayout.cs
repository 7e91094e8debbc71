using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Core.Routing;
using Microsoft.Msagl.Layout.Layered;
using Microsoft.Msagl.Miscellaneous;
using MsaglPoint = Microsoft.Msagl.Core.Geometry.Point;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>
/// Lays a flowchart out in layers from its start downwards (MSAGL's Sugiyama layout): used when a file has no
/// positions and when a designer asks for it.
/// </summary>
public static class DesignerLayout
{
    private const double LayerGap = 70;
    private const double NodeGap = 40;

    /// <summary>
    /// Lays out every activity of <paramref name="document"/>, each as large as <paramref name="measured"/> says (the card
    /// the browser drew) or, before it was drawn, as large as its outcomes make it.
    /// </summary>
    public static IReadOnlyDictionary<string, DesignerPoint> Compute(DesignerDocument document, ActivityCatalogue catalogue, Func<string, DesignerSize?> measured)
    {
        var sizes = new Dictionary<string, DesignerSize>(StringComparer.Ordinal);
        var connections = document.ListConnections().ToList();
        var outcomesFrom = connections.ToLookup(c => c.From, c => c.Outcome, StringComparer.Ordinal);
        foreach (var activity in document.Activities.OfType<JsonObject>())
        {
            if (DesignerDocument.Text(activity["id"]) is { } id)
            {
                sizes[id] = measured(id) ?? DesignerSize.For(ActivityOutcomes.Of(activity, catalogue, outcomesFrom[id]).Count);
            }
        }

        return Compute(sizes, connections.Select(c => (c.From, c.To)));
    }

    /// <summary>The top-left corner of each activity, the topmost layer at y = 0 and the leftmost node at x = 0.</summary>
    public static IReadOnlyDictionary<string, DesignerPoint> Compute(
        IReadOnlyDictionary<string, DesignerSize> activities, IEnumerable<(string From, string To)> connections)
    {
        var positions = new Dictionary<string, DesignerPoint>(StringComparer.Ordinal);
        if (activities.Count == 0)
        {
            return positions;
        }

        var graph = new GeometryGraph();
        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var (id, size) in activities)
        {
            var node = new Node(CurveFactory.CreateRectangle(size.Width, size.Height, new MsaglPoint()), id);
            nodes[id] = node;
            graph.Nodes.Add(node);
        }

        foreach (var (from, to) in connections.Distinct())
        {
            if (from != to && nodes.TryGetValue(from, out var source) && nodes.TryGetValue(to, out var target))
            {
                graph.Edges.Add(new Edge(source, target));
            }
        }

        // Only the nodes' places are used (the canvas draws its own connections): routing MSAGL's splines around the
        // nodes would cost most of the layout's time on a large workflow.
        var settings = new SugiyamaLayoutSettings { LayerSeparation = LayerGap, NodeSeparation = NodeGap };
        settings.EdgeRoutingSettings.EdgeRoutingMode = EdgeRoutingMode.None;
        LayoutHelpers.CalculateLayout(graph, settings, null);
        graph.UpdateBoundingBox();

        // MSAGL's y axis points up and its layers run from the top: turn it into screen coordinates.
        var left = nodes.Values.Min(n => n.BoundingBox.Left);
        var top = nodes.Values.Max(n => n.BoundingBox.Top);
        foreach (var (id, node) in nodes)
        {
            positions[id] = new DesignerPoint(Math.Round(node.BoundingBox.Left - left), Math.Round(top - node.BoundingBox.Top));
        }

        return positions;
    }
}
