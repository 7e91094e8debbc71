using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Webhooks;

internal sealed class WebhookInboxRowConfiguration : IEntityTypeConfiguration<WebhookInboxRow>
{
    public void Configure(EntityTypeBuilder<WebhookInboxRow> builder)
    {
        builder.ToTable("webhook_inbox");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Source).HasMaxLength(32);
        builder.Property(w => w.DedupeKey).HasMaxLength(200);
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(w => w.RemoteIp).HasMaxLength(64);

        // Rejected rows have no key; both providers let any number of NULLs share a unique index.
        builder.HasIndex(w => new { w.Source, w.DedupeKey }).IsUnique();
        builder.HasIndex(w => new { w.Status, w.NextAttemptAt });
        builder.HasIndex(w => w.ExpiresAt);
    }
}
