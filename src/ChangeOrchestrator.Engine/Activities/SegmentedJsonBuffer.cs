using System.Buffers;

namespace ChangeOrchestrator.Engine.Activities;

/// <summary>
/// JSON text written in segments of 64 KiB and read back as one sequence. An input of 50,000 servers is tens of
/// megabytes of text: written into one growing array (as binding a node does), each doubling is a new array on the
/// large object heap, and the shared array pool keeps the largest of them after use. Segments are rented below the
/// large object size and given back when the buffer is disposed, so a small input costs one rented segment.
/// </summary>
internal sealed class SegmentedJsonBuffer : IBufferWriter<byte>, IDisposable
{
    private const int SegmentSize = 64 * 1024;

    private readonly List<ReadOnlyMemory<byte>> _full = [];
    private readonly List<byte[]> _rented = [];
    private byte[] _current = [];
    private int _written;

    public void Dispose()
    {
        foreach (var array in _rented)
        {
            ArrayPool<byte>.Shared.Return(array);
        }

        _rented.Clear();
        _full.Clear();
        _current = [];
        _written = 0;
    }

    public void Advance(int count)
    {
        if (count < 0 || _written + count > _current.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "More was advanced than the segment holds.");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(_written);

    public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(_written);

    /// <summary>What was written, in order.</summary>
    public ReadOnlySequence<byte> ToSequence()
    {
        var parts = _written > 0 ? [.. _full, _current.AsMemory(0, _written)] : _full;
        if (parts.Count == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new Segment(parts[0], 0);
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            last = last.Append(part);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private byte[] Reserve(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_current.Length - _written < needed)
        {
            if (_written > 0)
            {
                _full.Add(_current.AsMemory(0, _written));
            }

            _current = ArrayPool<byte>.Shared.Rent(Math.Max(SegmentSize, needed));
            _rented.Add(_current);
            _written = 0;
        }

        return _current;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
