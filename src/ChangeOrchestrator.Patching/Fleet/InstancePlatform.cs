namespace ChangeOrchestrator.Patching.Fleet;

public enum InstancePlatform
{
    Unknown,
    Windows,
    Linux,
    MacOS,
}
