using System.Xml.Linq;
using ChangeOrchestrator.Persistence.Database;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.KeyRing;

/// <summary>
/// The data-protection key ring in the workflow database, shared by every node that uses it, so a session cookie
/// made by one node is read by the others. The elements stored are as the key manager hands them over: encrypted
/// with the configured certificate when there is one.
/// </summary>
internal sealed class DatabaseXmlRepository(IDbContextFactory<WorkflowDbContext> contexts) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToList()
            .Where(xml => !string.IsNullOrEmpty(xml))
            .Select(xml => XElement.Parse(xml!))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = contexts.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
