using PrivacyEf.Generators.Model;

namespace PrivacyEf.Generators.Emitting;

/// <summary>
/// Writes the typed retention members of an entity with <c>[Retain]</c>: the expired-rows and legal-hold
/// predicates, the anonymizing setters, and the purge registered with its metadata. Every property is reached
/// through <c>EF.Property</c>, so protected and inherited properties work as public ones do.
/// </summary>
internal static class RetentionEmitter
{
    private const string Expression = "global::System.Linq.Expressions.Expression";
    private const string EfProperty = "global::Microsoft.EntityFrameworkCore.EF.Property";
    private const string AnonymizedValues = "global::PrivacyEf.Internal.AnonymizedValues";
    private const string RetentionPurge = "global::PrivacyEf.Internal.RetentionPurge";

    /// <summary>Anonymize = 1 in <c>PrivacyEf.RetentionAction</c>.</summary>
    public static bool Anonymizes(RetentionModel retention) => retention.Action.Value == 1;

    /// <summary>Writes the member of the metadata's object initializer that attaches the typed purge.</summary>
    public static void WritePurgeRegistration(IndentedWriter writer, EntityModel entity, RetentionModel retention)
    {
        var arguments = "ExpiredBefore, "
            + (entity.LegalHoldProperty is null ? "null" : "OnLegalHold()") + ", "
            + (Anonymizes(retention) ? "Anonymize, NotAnonymized()" : "null, null");
        writer.WriteLine("Purge = new " + RetentionPurge + "<" + entity.FullyQualifiedTypeName + ">(" + arguments + "),");
    }

    public static void WriteMembers(IndentedWriter writer, EntityModel entity, RetentionModel retention)
    {
        var entityType = entity.FullyQualifiedTypeName;
        var cref = "<see cref=\"" + entityType + "\"/>";
        var predicate = Expression + "<global::System.Func<" + entityType + ", bool>>";
        var from = EfProperty + "<" + retention.FromTypeName + ">(entity, " + EntityEmitter.Literal(retention.FromProperty) + ")";
        var cutoffValue = retention.FromIsDateTimeOffset ? "cutoff" : "cutoff.UtcDateTime";
        var comparison = retention.FromIsNullable
            ? from + " != null && " + from + " < cutoffValue"
            : from + " < cutoffValue";
        var nullNote = retention.FromIsNullable ? " A row whose " + retention.FromProperty + " is null never expires." : string.Empty;

        writer.WriteLine();
        writer.WriteLines($$"""
            /// <summary>
            /// The rows of {{cref}} whose {{retention.FromProperty}} lies before <paramref name="cutoff"/>, the moment their retention period ended.{{nullNote}}
            /// </summary>
            /// <param name="cutoff">Now, less the retention period.</param>
            /// <returns>A predicate EF Core translates to SQL.</returns>
            public static {{predicate}} ExpiredBefore(global::System.DateTimeOffset cutoff)
            {
                var cutoffValue = {{cutoffValue}};
                return entity => {{comparison}};
            }
            """);

        if (entity.LegalHoldProperty is { } legalHold)
        {
            writer.WriteLine();
            writer.WriteLines($$"""
                /// <summary>
                /// The rows of {{cref}} under legal hold ({{legalHold}} is true): retention never touches them.
                /// </summary>
                /// <returns>A predicate EF Core translates to SQL.</returns>
                public static {{predicate}} OnLegalHold() => entity => {{EfProperty}}<bool>(entity, {{EntityEmitter.Literal(legalHold)}});
                """);
        }

        if (!Anonymizes(retention))
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLines($$"""
            /// <summary>
            /// The rows of {{cref}} not yet anonymized (their shadow AnonymizedAt is null), so a row is anonymized once.
            /// </summary>
            /// <returns>A predicate EF Core translates to SQL.</returns>
            public static {{predicate}} NotAnonymized() => entity => {{EfProperty}}<global::System.DateTimeOffset?>(entity, {{AnonymizedValues}}.AnonymizedAtProperty) == null;

            /// <summary>
            /// Adds to an <c>ExecuteUpdate</c> the setters that anonymize {{cref}}: each personal property becomes null
            /// (nullable columns) or its placeholder (required columns), and AnonymizedAt is stamped.
            /// </summary>
            /// <param name="setters">The setters of the <c>ExecuteUpdate</c> call.</param>
            /// <param name="values">The values to write, resolved against the context's model.</param>
            public static void Anonymize(global::Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<{{entityType}}> setters, {{AnonymizedValues}} values)
            """);
        using (writer.OpenBlock())
        {
            writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(setters);");
            writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(values);");
            var index = 0;
            foreach (var property in entity.Properties)
            {
                var name = EntityEmitter.Literal(property.Name);
                var local = "value" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                index++;
                writer.WriteLine("if (values.IsMapped(" + name + "))");
                using (writer.OpenBlock())
                {
                    // A captured local, not a constant: EF sends it as a parameter, through the column's value
                    // converter, so an encrypted column receives a fresh ciphertext of the placeholder.
                    writer.WriteLine("var " + local + " = values.For<" + property.TypeOfName + ">(" + name + ");");
                    writer.WriteLine("setters.SetProperty(entity => " + EfProperty + "<" + property.TypeOfName + ">(entity, " + name + "), entity => " + local + ");");
                }

                if (property.Searchable && property.Encrypt)
                {
                    // The blind index would still match the old value: an anonymized row must not be findable by it.
                    var blindIndex = EntityEmitter.Literal(property.Name + "BlindIndex");
                    writer.WriteLine("if (values.IsMapped(" + blindIndex + "))");
                    using (writer.OpenBlock())
                    {
                        writer.WriteLine("setters.SetProperty(entity => " + EfProperty + "<string?>(entity, " + blindIndex + "), entity => (string?)null);");
                    }
                }
            }

            writer.WriteLine("var anonymizedAt = values.AnonymizedAt;");
            writer.WriteLine("setters.SetProperty(entity => " + EfProperty + "<global::System.DateTimeOffset?>(entity, " + AnonymizedValues + ".AnonymizedAtProperty), entity => anonymizedAt);");
        }
    }
}
