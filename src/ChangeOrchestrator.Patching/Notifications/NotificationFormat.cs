namespace ChangeOrchestrator.Patching.Notifications;

/// <summary>The shape of the message body, after what the receiving webhook understands.</summary>
public enum NotificationFormat
{
    /// <summary><c>{ title, text, fields, instanceId, workflow }</c>, for any receiver of plain JSON.</summary>
    Json,

    /// <summary>A Slack incoming webhook message: header, text and fields as Block Kit blocks.</summary>
    Slack,

    /// <summary>A Microsoft Teams workflow webhook message carrying an Adaptive Card.</summary>
    Teams,
}
