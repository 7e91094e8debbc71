using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChangeOrchestrator.Persistence.Audit;

internal sealed class AuditRowConfiguration : IEntityTypeConfiguration<AuditRow>
{
    public void Configure(EntityTypeBuilder<AuditRow> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.Actor).HasMaxLength(AuditRow.ActorLength);
        builder.Property(a => a.AuthScheme).HasMaxLength(AuditRow.AuthSchemeLength);
        builder.Property(a => a.Action).HasMaxLength(AuditRow.ActionLength);
        builder.Property(a => a.ObjectType).HasMaxLength(AuditRow.ObjectTypeLength);
        builder.Property(a => a.ObjectId).HasMaxLength(AuditRow.ObjectIdLength);
        builder.Property(a => a.RemoteIp).HasMaxLength(AuditRow.RemoteIpLength);
        builder.Property(a => a.UserAgent).HasMaxLength(AuditRow.UserAgentLength);
        builder.Property(a => a.Detail).HasMaxLength(AuditRow.DetailLength);

        // The filters of GET /api/audit; each ends in the id so a filtered page is still a keyset range.
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Actor, a.Id });
        builder.HasIndex(a => new { a.Action, a.Id });
        builder.HasIndex(a => new { a.ObjectType, a.ObjectId, a.Id });
    }
}
