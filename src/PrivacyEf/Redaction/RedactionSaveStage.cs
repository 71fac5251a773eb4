using Microsoft.EntityFrameworkCore;
using PrivacyEf.Kernel;

namespace PrivacyEf.Redaction;

/// <summary>
/// Redacts <c>[Personal(Redact = true)]</c> text of added entities and of modified properties before EF builds
/// its commands, so the text never reaches the database (nor the encrypting converters, which run later).
/// </summary>
internal sealed class RedactionSaveStage(RedactionRuntime redaction) : ISaveChangesStage
{
    public ValueTask BeforeSaveAsync(DbContext context, bool async, CancellationToken cancellationToken)
    {
        Redact(context);
        return ValueTask.CompletedTask;
    }

    private void Redact(DbContext context)
    {
        var facts = RedactionModelFacts.For(context.Model);
        if (facts.IsEmpty)
        {
            return;
        }

        // The pipeline has detected the changes for every stage, so properties modified on the entity objects are seen as modified.
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in facts.PropertiesOf(entry.Metadata))
            {
                var propertyEntry = entry.Property(property);
                if ((entry.State == EntityState.Modified && !propertyEntry.IsModified) || propertyEntry.CurrentValue is not string { Length: > 0 } text)
                {
                    continue;
                }

                var result = redaction.Redactor.Redact(text);
                if (result.HasFindings)
                {
                    propertyEntry.CurrentValue = result.Text;
                    redaction.Report(entry.Metadata.DisplayName(), property.Name, RedactionSource.SaveChanges, result.Findings);
                }
            }
        }
    }
}
