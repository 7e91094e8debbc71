namespace ChangeOrchestrator.Simulators.ServiceNow.Configuration;

/// <summary>Configuration section <c>Simulators:ServiceNow</c>; defaults give a ready sandbox instance.</summary>
internal sealed class ServiceNowSimulatorOptions
{
    public const string Section = "Simulators:ServiceNow";

    /// <summary>Seeds sys_ids and the error-rate dice, so that a reset replays the same ids.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The number of the first change after a reset: 30001 gives CHG0030001.</summary>
    public int FirstChangeNumber { get; set; } = 30001;

    /// <summary>What an illegal state move does: refused with 403, or silently dropped as some instances do.</summary>
    public GuardFailureMode GuardFailureMode { get; set; } = GuardFailureMode.Reject;

    /// <summary>The instance property glide.invalid_query.returns_no_rows: invalid query terms match nothing.</summary>
    public bool InvalidQueryReturnsNoRows { get; set; }

    /// <summary>Whether a DELETE without Content-Type is refused with 400, as the reference lists it.</summary>
    public bool RequireContentTypeOnDelete { get; set; } = true;

    /// <summary>
    /// The instance property com.glide.attachment.max_size: the largest attachment accepted, 1024 MB by default as on
    /// an instance that never set it. Uploads are read as they arrive, in either form (raw or multipart, chunked or not).
    /// </summary>
    public long MaxAttachmentBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Accounts of the instance; when none are configured a sandbox set is used (admin/admin and two approvers).</summary>
    public List<ServiceNowUserOptions> Users { get; set; } = [];

    public ServiceNowOAuthOptions OAuth { get; set; } = new();

    public ServiceNowApprovalOptions Approvals { get; set; } = new();

    public ServiceNowNotificationOptions Notifications { get; set; } = new();

    public ServiceNowRateLimitOptions RateLimit { get; set; } = new();

    public ServiceNowCmdbOptions Cmdb { get; set; } = new();
}
