namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// The body of an evidence file, written into the desk's upload while it is sent: a 10,000-server evidence is read
/// from the step results a page at a time and never held whole. A desk may write it more than once (a retried
/// upload), so writing must repeat the same bytes each time.
/// </summary>
public sealed class EvidenceContent
{
    private readonly Func<Stream, CancellationToken, Task> _write;

    public EvidenceContent(string contentType, Func<Stream, CancellationToken, Task> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentNullException.ThrowIfNull(write);
        ContentType = contentType;
        _write = write;
    }

    /// <summary>The file's media type, e.g. application/json.</summary>
    public string ContentType { get; }

    /// <summary>A file already in memory (a small one, such as a policy plan).</summary>
    public static EvidenceContent FromBytes(string contentType, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new EvidenceContent(contentType, (destination, cancellationToken) => destination.WriteAsync(content, cancellationToken).AsTask());
    }

    public Task WriteToAsync(Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return _write(destination, cancellationToken);
    }
}
