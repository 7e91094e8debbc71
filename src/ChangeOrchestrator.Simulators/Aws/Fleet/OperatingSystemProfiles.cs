namespace ChangeOrchestrator.Simulators.Aws.Fleet;

internal static class OperatingSystemProfiles
{
    public static readonly OperatingSystemProfile WindowsServer2019 = new(
        "WindowsServer2019", "Windows", "Microsoft Windows Server 2019 Datacenter", "10.0.17763", "WINDOWS",
        "WindowsServer2019", "Windows", "PatchWindows", "Windows", "/dev/sda1", "xvdf",
        "ami-0b5e2a2c3d4f5a6b7", "Windows_Server-2019-English-Full-Base-2025.01.15", "801119661308", 60);

    public static readonly OperatingSystemProfile WindowsServer2022 = new(
        "WindowsServer2022", "Windows", "Microsoft Windows Server 2022 Datacenter", "10.0.20348", "WINDOWS",
        "WindowsServer2022", "Windows", "PatchWindows", "Windows", "/dev/sda1", "xvdf",
        "ami-0c7d8e9f0a1b2c3d4", "Windows_Server-2022-English-Full-Base-2025.01.15", "801119661308", 60);

    public static readonly OperatingSystemProfile AmazonLinux2023 = new(
        "AmazonLinux2023", "Linux", "Amazon Linux", "2023", "AMAZON_LINUX_2023",
        "AmazonLinux2023", "AmazonLinux", "PatchLinux", "Linux/UNIX", "/dev/xvda", "/dev/sdf",
        "ami-0a1b2c3d4e5f60718", "al2023-ami-2023.6.20250115.0-kernel-6.1-x86_64", "137112412989", 30);

    public static readonly OperatingSystemProfile Ubuntu2204 = new(
        "Ubuntu2204", "Linux", "Ubuntu", "22.04", "UBUNTU",
        "Ubuntu22.04", "Ubuntu", "PatchLinux", "Linux/UNIX", "/dev/sda1", "/dev/sdf",
        "ami-0d2e3f4a5b6c7d8e9", "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20250112", "099720109477", 30);

    public static readonly OperatingSystemProfile RedHat9 = new(
        "RedHat9", "Linux", "Red Hat Enterprise Linux", "9.4", "REDHAT_ENTERPRISE_LINUX",
        "RedhatEnterpriseLinux9.4", "RedhatEnterpriseLinux", "PatchLinux", "Red Hat Enterprise Linux", "/dev/sda1", "/dev/sdf",
        "ami-0e4f5a6b7c8d9e0f1", "RHEL-9.4.0_HVM-20250110-x86_64-0-Hourly2-GP3", "309956199498", 30);

    public static IReadOnlyList<OperatingSystemProfile> All { get; } = [WindowsServer2019, WindowsServer2022, AmazonLinux2023, Ubuntu2204, RedHat9];
}
