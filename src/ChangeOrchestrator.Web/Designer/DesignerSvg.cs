using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>
/// The diagram as a standalone SVG image, drawn from the document and its positions rather than copied from the
/// page, so it is the same whatever the browser shows (zoom, selection, scroll).
/// </summary>
public static class DesignerSvg
{
    private const double Margin = 24;
    private const double PortHeight = 22;

    public static string Render(
        DesignerDocument document, IReadOnlyDictionary<string, DesignerPoint> positions, Func<JsonObject, IReadOnlyList<string>> outcomesOf)
    {
        var cards = new Dictionary<string, (DesignerPoint At, DesignerSize Size, IReadOnlyList<string> Outcomes, JsonObject Activity)>(StringComparer.Ordinal);
        foreach (var activity in document.Activities.OfType<JsonObject>())
        {
            if (DesignerDocument.Text(activity["id"]) is { } id && positions.TryGetValue(id, out var at))
            {
                var outcomes = outcomesOf(activity);
                cards[id] = (at, DesignerSize.For(outcomes.Count), outcomes, activity);
            }
        }

        var minX = cards.Count == 0 ? 0 : cards.Values.Min(c => c.At.X);
        var minY = cards.Count == 0 ? 0 : cards.Values.Min(c => c.At.Y);
        var maxX = cards.Count == 0 ? 200 : cards.Values.Max(c => c.At.X + c.Size.Width);
        var maxY = cards.Count == 0 ? 100 : cards.Values.Max(c => c.At.Y + c.Size.Height);
        var width = maxX - minX + (2 * Margin);
        var height = maxY - minY + (2 * Margin);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(width)}\" height=\"{N(height)}\" viewBox=\"{N(minX - Margin)} {N(minY - Margin)} {N(width)} {N(height)}\" font-family=\"Roboto, Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        svg.Append("  <title>").Append(Escape(document.Name)).Append("</title>\n");
        svg.Append("  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#546e7a\"/></marker></defs>\n");
        svg.Append(CultureInfo.InvariantCulture, $"  <rect x=\"{N(minX - Margin)}\" y=\"{N(minY - Margin)}\" width=\"{N(width)}\" height=\"{N(height)}\" fill=\"#ffffff\"/>\n");

        foreach (var (from, outcome, to) in document.ListConnections())
        {
            if (!cards.TryGetValue(from, out var source) || !cards.TryGetValue(to, out var target))
            {
                continue;
            }

            var port = PortCentre(source.At, source.Size, source.Outcomes, outcome);
            var end = new DesignerPoint(target.At.X + (target.Size.Width / 2), target.At.Y);
            var bend = Math.Max(40, Math.Abs(end.Y - port.Y) / 2);
            var colour = outcome == "Faulted" ? "#c62828" : "#546e7a";
            svg.Append(CultureInfo.InvariantCulture, $"  <path class=\"connection\" data-from=\"{Escape(from)}\" data-outcome=\"{Escape(outcome)}\" data-to=\"{Escape(to)}\" d=\"M {N(port.X)} {N(port.Y)} C {N(port.X)} {N(port.Y + bend)}, {N(end.X)} {N(end.Y - bend)}, {N(end.X)} {N(end.Y)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n");
        }

        foreach (var (id, card) in cards)
        {
            var (at, size, outcomes, activity) = card;
            var name = DesignerDocument.Text(activity["name"]) ?? id;
            var type = DesignerDocument.Text(activity["type"]) ?? string.Empty;
            svg.Append(CultureInfo.InvariantCulture, $"  <g class=\"activity\" data-id=\"{Escape(id)}\">\n");
            svg.Append(CultureInfo.InvariantCulture, $"    <rect x=\"{N(at.X)}\" y=\"{N(at.Y)}\" width=\"{N(size.Width)}\" height=\"{N(size.Height)}\" rx=\"6\" fill=\"#eceff1\" stroke=\"#546e7a\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"    <text x=\"{N(at.X + 10)}\" y=\"{N(at.Y + 20)}\" font-weight=\"bold\">{Escape(name)}</text>\n");
            svg.Append(CultureInfo.InvariantCulture, $"    <text x=\"{N(at.X + 10)}\" y=\"{N(at.Y + 38)}\" fill=\"#37474f\">{Escape(type)}</text>\n");
            for (var i = 0; i < outcomes.Count; i++)
            {
                var centre = PortCentre(at, size, outcomes, outcomes[i]);
                svg.Append(CultureInfo.InvariantCulture, $"    <text x=\"{N(centre.X)}\" y=\"{N(centre.Y - 6)}\" text-anchor=\"middle\" font-size=\"10\" fill=\"{(outcomes[i] == "Faulted" ? "#c62828" : "#37474f")}\">{Escape(outcomes[i])}</text>\n");
            }

            svg.Append("  </g>\n");
        }

        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>Where an outcome's port sits: spread evenly along the card's bottom edge, as the canvas draws them.</summary>
    private static DesignerPoint PortCentre(DesignerPoint at, DesignerSize size, IReadOnlyList<string> outcomes, string outcome)
    {
        var index = Math.Max(0, IndexOf(outcomes, outcome));
        var slot = size.Width / Math.Max(1, outcomes.Count);
        return new DesignerPoint(at.X + (slot * index) + (slot / 2), at.Y + size.Height - (PortHeight / 2) + 11);
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;
}
