using System.Text;
using Microsoft.Playwright;

namespace ChangeOrchestrator.Benchmarks.Designer;

/// <summary>
/// What a page's Blazor Server connection carries, read from the WebSocket frames chromium reports: bytes and frames
/// each way, the largest frame, and the hub messages that are JS interop calls. The connection speaks Blazor's
/// MessagePack protocol, where each message names its hub method as a plain string, so counting those names in the
/// frames counts the messages (a frame may carry several).
/// </summary>
internal sealed class CircuitTraffic
{
    // Server → browser: a .NET → JS interop call, and a render batch.
    private static readonly byte[] InvokeJs = Encoding.UTF8.GetBytes("JS.BeginInvokeJS");
    private static readonly byte[] RenderBatch = Encoding.UTF8.GetBytes("JS.RenderBatch");

    // Browser → server: a JS → .NET call; browser events travel as calls of DispatchEventAsync, counted apart.
    private static readonly byte[] InvokeDotNet = Encoding.UTF8.GetBytes("BeginInvokeDotNetFromJS");
    private static readonly byte[] DispatchEvent = Encoding.UTF8.GetBytes("DispatchEventAsync");

    private readonly Lock _gate = new();
    private Counts _counts = new();

    /// <summary>Starts counting the frames of every Blazor connection <paramref name="page"/> opens.</summary>
    public void Watch(IPage page)
    {
        page.WebSocket += (_, socket) =>
        {
            if (!socket.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                return;
            }

            socket.FrameReceived += (_, frame) => Count(frame, received: true);
            socket.FrameSent += (_, frame) => Count(frame, received: false);
        };
    }

    /// <summary>The counts since the last call, which starts a new count.</summary>
    public Counts Take()
    {
        lock (_gate)
        {
            var taken = _counts;
            _counts = new Counts();
            return taken;
        }
    }

    private void Count(IWebSocketFrame frame, bool received)
    {
        var bytes = frame.Binary ?? Encoding.UTF8.GetBytes(frame.Text ?? "");
        lock (_gate)
        {
            var c = _counts;
            if (received)
            {
                _counts = c with
                {
                    FramesReceived = c.FramesReceived + 1,
                    BytesReceived = c.BytesReceived + bytes.Length,
                    LargestReceived = Math.Max(c.LargestReceived, bytes.Length),
                    JsCalls = c.JsCalls + Occurrences(bytes, InvokeJs),
                    RenderBatches = c.RenderBatches + Occurrences(bytes, RenderBatch),
                };
            }
            else
            {
                var dispatches = Occurrences(bytes, DispatchEvent);
                _counts = c with
                {
                    FramesSent = c.FramesSent + 1,
                    BytesSent = c.BytesSent + bytes.Length,
                    LargestSent = Math.Max(c.LargestSent, bytes.Length),
                    DotNetCalls = c.DotNetCalls + Occurrences(bytes, InvokeDotNet) - dispatches,
                    Events = c.Events + dispatches,
                };
            }
        }
    }

    private static int Occurrences(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        var count = 0;
        for (var at = haystack.IndexOf(needle); at >= 0; at = haystack.IndexOf(needle))
        {
            count++;
            haystack = haystack[(at + needle.Length)..];
        }

        return count;
    }

    /// <summary>Frames and bytes each way, and the messages that are interop calls (events apart) and render batches.</summary>
    internal sealed record Counts
    {
        public int FramesReceived { get; init; }

        public long BytesReceived { get; init; }

        public int LargestReceived { get; init; }

        public int FramesSent { get; init; }

        public long BytesSent { get; init; }

        public int LargestSent { get; init; }

        public int JsCalls { get; init; }

        public int DotNetCalls { get; init; }

        public int Events { get; init; }

        public int RenderBatches { get; init; }
    }
}
