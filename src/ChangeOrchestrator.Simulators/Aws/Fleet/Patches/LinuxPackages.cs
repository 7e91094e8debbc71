namespace ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

internal static class LinuxPackages
{
    public static IReadOnlyList<LinuxPackage> All { get; } =
    [
        new("kernel", "linux-image-generic", "kernel", "Security", "Important", "6.1.119", RequiresReboot: true),
        new("openssl", "libssl3", "libs", "Security", "Important", "3.0.8"),
        new("glibc", "libc6", "libs", "Security", "Important", "2.34", RequiresReboot: true),
        new("curl", "curl", "web", "Security", "Medium", "8.5.0"),
        new("libcurl", "libcurl4", "libs", "Security", "Medium", "8.5.0"),
        new("sudo", "sudo", "admin", "Security", "Important", "1.9.15"),
        new("systemd", "systemd", "admin", "Bugfix", "Medium", "252.23", RequiresReboot: true),
        new("openssh-server", "openssh-server", "net", "Security", "Critical", "8.7p1"),
        new("openssh-clients", "openssh-client", "net", "Security", "Important", "8.7p1"),
        new("python3", "python3.10", "python", "Security", "Medium", "3.9.20"),
        new("python3-libs", "libpython3.10", "python", "Security", "Medium", "3.9.20"),
        new("bind-libs", "bind9-libs", "net", "Security", "Important", "9.16.50"),
        new("nss", "libnss3", "libs", "Security", "Medium", "3.101.0"),
        new("expat", "libexpat1", "libs", "Security", "Important", "2.5.0"),
        new("libxml2", "libxml2", "libs", "Security", "Medium", "2.10.4"),
        new("git", "git", "vcs", "Security", "Medium", "2.40.1"),
        new("vim-minimal", "vim-tiny", "editors", "Security", "Low", "9.0.2153"),
        new("tzdata", "tzdata", "localization", "Enhancement", "Low", "2024b"),
        new("ca-certificates", "ca-certificates", "misc", "Bugfix", "Low", "2024.2.69"),
        new("krb5-libs", "libkrb5-3", "libs", "Security", "Important", "1.21.3"),
        new("sqlite-libs", "libsqlite3-0", "libs", "Security", "Medium", "3.40.0"),
        new("gnutls", "libgnutls30", "libs", "Security", "Medium", "3.8.3"),
        new("zlib", "zlib1g", "libs", "Security", "Critical", "1.2.13"),
        new("less", "less", "text", "Security", "Low", "633"),
        new("libssh", "libssh-4", "libs", "Security", "Medium", "0.10.6"),
        new("rsync", "rsync", "net", "Security", "Important", "3.2.7"),
        new("tar", "tar", "utils", "Bugfix", "Low", "1.34"),
        new("xz-libs", "liblzma5", "libs", "Security", "Critical", "5.4.6"),
        new("libarchive", "libarchive13", "libs", "Security", "Important", "3.7.4"),
        new("gnupg2", "gnupg", "utils", "Bugfix", "Medium", "2.3.3"),
        new("cronie", "cron", "admin", "Bugfix", "Low", "1.5.7"),
        new("nginx", "nginx", "web", "Security", "Important", "1.24.0", RequiredApplication: "web"),
        new("postgresql", "postgresql-14", "database", "Security", "Important", "15.8", RequiredApplication: "db"),
    ];
}
