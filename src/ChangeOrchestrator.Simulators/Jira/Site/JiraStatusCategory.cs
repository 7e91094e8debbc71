namespace ChangeOrchestrator.Simulators.Jira.Site;

internal sealed record JiraStatusCategory(int Id, string Key, string Name, string ColorName)
{
    public static readonly JiraStatusCategory New = new(2, "new", "To Do", "blue-gray");

    public static readonly JiraStatusCategory Indeterminate = new(4, "indeterminate", "In Progress", "yellow");

    public static readonly JiraStatusCategory Done = new(3, "done", "Done", "green");

    public static JiraStatusCategory? FromKey(string key) => key switch
    {
        "new" => New,
        "indeterminate" => Indeterminate,
        "done" => Done,
        _ => null,
    };
}
