namespace ChangeOrchestrator.Simulators.ServiceNow.Http;

/// <summary>Endpoint metadata telling the header filter which Content-Type a write must carry.</summary>
internal enum BodyKind
{
    Json,

    /// <summary>Raw file bytes: any media type, but one must be given.</summary>
    AnyMediaType,

    Multipart,
}
