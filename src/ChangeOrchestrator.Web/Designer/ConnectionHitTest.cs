namespace ChangeOrchestrator.Web.Designer;

/// <summary>
/// Whether a point of the canvas lies on a connection, drawn as the canvas draws it: a curve leaving its outcome port
/// downwards and arriving at its target's input port from above.
/// </summary>
public static class ConnectionHitTest
{
    private const int Samples = 32;

    /// <summary>The least distance from <paramref name="point"/> to the connection from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static double Distance(DesignerPoint from, DesignerPoint to, DesignerPoint point)
    {
        // Vertical tangents at both ends, as the smooth path generator draws them; exactness is not needed, a drop
        // within a few pixels of the line counts.
        var bend = Math.Max(40, Math.Abs(to.Y - from.Y) / 2);
        var c1 = new DesignerPoint(from.X, from.Y + bend);
        var c2 = new DesignerPoint(to.X, to.Y - bend);
        var best = double.MaxValue;
        var previous = from;
        for (var i = 1; i <= Samples; i++)
        {
            var t = (double)i / Samples;
            var u = 1 - t;
            var next = new DesignerPoint(
                (u * u * u * from.X) + (3 * u * u * t * c1.X) + (3 * u * t * t * c2.X) + (t * t * t * to.X),
                (u * u * u * from.Y) + (3 * u * u * t * c1.Y) + (3 * u * t * t * c2.Y) + (t * t * t * to.Y));
            best = Math.Min(best, SegmentDistance(previous, next, point));
            previous = next;
        }

        return best;
    }

    private static double SegmentDistance(DesignerPoint a, DesignerPoint b, DesignerPoint p)
    {
        var dx = b.X - a.X;
        var dy = b.Y - a.Y;
        var length = (dx * dx) + (dy * dy);
        var t = length == 0 ? 0 : Math.Clamp((((p.X - a.X) * dx) + ((p.Y - a.Y) * dy)) / length, 0, 1);
        var x = a.X + (t * dx) - p.X;
        var y = a.Y + (t * dy) - p.Y;
        return Math.Sqrt((x * x) + (y * y));
    }
}
