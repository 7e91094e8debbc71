using ChangeOrchestrator.Simulators.Jira.Configuration;
using ChangeOrchestrator.Simulators.Jira.Site;

namespace ChangeOrchestrator.Simulators.Jira.Fields;

/// <summary>The site's system fields and the JSM change custom fields under their configured ids.</summary>
internal sealed class JiraFieldCatalog
{
    private readonly Dictionary<string, JiraFieldDefinition> _byId;

    private JiraFieldCatalog(IReadOnlyList<JiraFieldDefinition> fields, JiraFieldDefinition? approvers)
    {
        All = fields;
        Approvers = approvers;
        _byId = fields.ToDictionary(f => f.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<JiraFieldDefinition> All { get; }

    /// <summary>The field naming an issue's approvers, when the site has one.</summary>
    public JiraFieldDefinition? Approvers { get; }

    public static JiraFieldCatalog Create(JiraCustomFieldsOptions custom)
    {
        var optionIds = new JiraOptionIdSequence(10100);
        var fields = new List<JiraFieldDefinition>(JiraSystemFields.All);
        JiraFieldDefinition? approvers = null;

        void AddCustom(JiraCustomFieldOptions field, string name, JiraFieldKind kind, params string[] options)
        {
            if (field.Id <= 0)
            {
                return;
            }

            var definition = new JiraFieldDefinition(
                "customfield_" + field.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                name,
                kind,
                JiraFieldSchema.ForCustom(kind, field.Id),
                [$"cf[{field.Id}]", name],
                options.Select(o => new JiraFieldOption(optionIds.Next(), o)).ToArray(),
                field.Required,
                ChangeOnly: true);
            fields.Add(definition);
            if (ReferenceEquals(field, custom.Approvers))
            {
                approvers = definition;
            }
        }

        AddCustom(custom.Approvers, "Approvers", JiraFieldKind.Users);
        AddCustom(custom.Impact, "Impact", JiraFieldKind.Option, "Extensive / widespread", "Significant / large", "Moderate / limited", "Minor / localized");
        AddCustom(custom.ChangeType, "Change type", JiraFieldKind.Option, "Standard", "Normal", "Emergency");
        AddCustom(custom.ChangeRisk, "Change risk", JiraFieldKind.Option, "Low", "Medium", "High", "Critical");
        AddCustom(custom.ChangeReason, "Change reason", JiraFieldKind.Option, "Repair", "Upgrade", "Maintenance", "New functionality");
        AddCustom(custom.ChangeStartDate, "Change start date", JiraFieldKind.DateTime);
        AddCustom(custom.ChangeCompletionDate, "Change completion date", JiraFieldKind.DateTime);
        AddCustom(custom.ImplementationPlan, "Implementation plan", JiraFieldKind.Document);
        AddCustom(custom.BackoutPlan, "Backout plan", JiraFieldKind.Document);
        AddCustom(custom.TestPlan, "Test plan", JiraFieldKind.Document);
        AddCustom(custom.AffectedServers, "Affected servers", JiraFieldKind.Labels);
        if (custom.RequestType.Id > 0)
        {
            // Set by the customer portal, not by the platform API: read-only here.
            fields.Add(new JiraFieldDefinition(
                "customfield_" + custom.RequestType.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "Request Type",
                JiraFieldKind.System,
                new JiraFieldSchema("sd-customerrequesttype", Custom: "com.atlassian.servicedesk:vp-origin", CustomId: custom.RequestType.Id),
                [$"cf[{custom.RequestType.Id}]", "Request Type"],
                [],
                ChangeOnly: true));
        }

        return new JiraFieldCatalog(fields, approvers);
    }

    public JiraFieldDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Resolves a JQL field reference: an id, a clause name such as cf[10005], or a field name.</summary>
    public JiraFieldDefinition? FindByClause(string clause) =>
        Find(clause)
        ?? All.FirstOrDefault(f => f.ClauseNames.Any(c => string.Equals(c, clause, StringComparison.OrdinalIgnoreCase)))
        ?? All.FirstOrDefault(f => string.Equals(f.Name, clause, StringComparison.OrdinalIgnoreCase));

    /// <summary>The fields an issue of this type has (the change fields only exist on the change type).</summary>
    public IEnumerable<JiraFieldDefinition> For(JiraIssueType issueType) => All.Where(f => !f.ChangeOnly || issueType.IsChange);
}
