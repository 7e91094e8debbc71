using ChangeOrchestrator.Simulators.ServiceNow.Changes;
using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>The reference data a fresh instance holds: users, groups, change models and one standard-change template.</summary>
internal static class ServiceNowSeed
{
    private const string System = "system";

    public static void Apply(ServiceNowStore store, ServiceNowSimulatorOptions options)
    {
        foreach (var user in options.Users)
        {
            Insert(store, UserSchema.Table, ("user_name", user.UserName), ("name", user.Name.Length > 0 ? user.Name : user.UserName),
                ("email", user.Email), ("active", "true"));
        }

        foreach (var (name, description) in new[] { ("CAB Approval", "Change Advisory Board"), ("Change Management", "Change managers"), ("Server Operations", "Patching of the server fleet") })
        {
            Insert(store, GroupSchema.Table, ("name", name), ("description", description), ("active", "true"));
        }

        foreach (var (type, name) in new[] { (ChangeTypes.Normal, "Normal"), (ChangeTypes.Standard, "Standard"), (ChangeTypes.Emergency, "Emergency") })
        {
            Insert(store, ChangeModelSchema.Table, ("name", name), ("type", type), ("active", "true"));
        }

        Insert(store, StandardChangeTemplateSchema.Table,
            ("name", "Monthly OS patching - 1"),
            ("short_description", "Apply the monthly operating-system patch baseline"),
            ("description", "Pre-approved monthly patching of servers in a maintenance window."),
            ("implementation_plan", "Patch the targets in waves; reboot when required."),
            ("backout_plan", "Restore the pre-patch snapshots."),
            ("test_plan", "Re-scan for missing patches and run the application checks."),
            ("active", "true"));
    }

    private static void Insert(ServiceNowStore store, string table, params (string Field, string Value)[] values)
    {
        var record = store.NewRecord(table, System);
        foreach (var (field, value) in values)
        {
            record[field] = value;
        }

        store.Insert(record);
    }
}
