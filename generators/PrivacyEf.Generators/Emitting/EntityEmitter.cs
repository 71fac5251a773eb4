using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;
using PrivacyEf.Generators.Model;

namespace PrivacyEf.Generators.Emitting;

/// <summary>Writes the <c>{TypeName}Privacy</c> class of one entity from its model alone.</summary>
internal static class EntityEmitter
{
    private const string EntityMetadata = "global::PrivacyEf.Internal.PrivacyEntityMetadata";
    private const string PropertyMetadata = "global::PrivacyEf.Internal.PrivacyPropertyMetadata";
    private const string RetentionMetadata = "global::PrivacyEf.Internal.RetentionMetadata";

    public static string Emit(EntityModel entity)
    {
        var writer = new IndentedWriter();
        writer.WriteLines(GeneratedCodeInfo.Header);

        if (entity.Namespace.Length == 0)
        {
            WriteClass(writer, entity);
            WriteMaskCarrier(writer, entity);
        }
        else
        {
            writer.WriteLine("namespace " + entity.Namespace);
            using (writer.OpenBlock())
            {
                WriteClass(writer, entity);
                WriteMaskCarrier(writer, entity);
            }
        }

        return writer.ToString();
    }

    /// <summary>
    /// Gives a partial entity class a slot for the masks the read guard puts on an instance: a field read and written
    /// on every masked row, where the alternative is a weak-table entry (a GC handle) per row.
    /// </summary>
    private static void WriteMaskCarrier(IndentedWriter writer, EntityModel entity)
    {
        if (!entity.CarriesMasks)
        {
            return;
        }

        const string Carrier = "global::PrivacyEf.Internal.IPrivacyMaskCarrier";
        const string Field = PrivacyEf.Generators.Parsing.MaskCarrier.FieldName;
        // Only a top-level class carries masks, and its generated class's name is its own name followed by "Privacy".
        var simpleName = entity.GeneratedClassName.Substring(0, entity.GeneratedClassName.Length - "Privacy".Length);
        if (SyntaxFacts.GetKeywordKind(simpleName) != SyntaxKind.None)
        {
            // A class named with a keyword (@event) is declared with its escape.
            simpleName = "@" + simpleName;
        }

        writer.WriteLine();
        writer.WriteLines($$"""
            {{GeneratedCodeInfo.GeneratedCodeAttribute}}
            partial class {{simpleName}} : {{Carrier}}
            {
                [global::System.NonSerialized]
                private object? {{Field}};

                object? {{Carrier}}.PrivacyEfMasks
                {
                    get => {{Field}};
                    set => {{Field}} = value;
                }
            }
            """);
    }

    private static void WriteClass(IndentedWriter writer, EntityModel entity)
    {
        var entityType = entity.FullyQualifiedTypeName;
        var cref = "<see cref=\"" + entityType + "\"/>";
        writer.WriteLines($"""
            /// <summary>
            /// The PrivacyEf metadata and EF Core configuration of {cref}, generated from its privacy attributes.
            /// </summary>
            {GeneratedCodeInfo.GeneratedCodeAttribute}
            {(entity.IsPublic ? "public" : "internal")} static partial class {entity.GeneratedClassName}
            """);
        using (writer.OpenBlock())
        {
            writer.WriteLines($$"""
                /// <summary>
                /// What PrivacyEf knows about {{cref}}: its personal properties, purposes, retention rule, data subject and legal hold.
                /// </summary>
                public static {{EntityMetadata}} Metadata { get; } = new {{EntityMetadata}}(
                """);
            using (writer.Indent())
            {
                writer.WriteLine("typeof(" + entityType + "),");
                WriteProperties(writer, entity.Properties);
                writer.WriteLine(StringArray(entity.Purposes) + ",");
                writer.WriteLine(Retention(entity.Retention) + ",");
                writer.WriteLine(NullableString(entity.DataSubjectProperty) + ",");
                if (entity.Retention is null && entity.DataSubjectKind is null)
                {
                    writer.WriteLine(NullableString(entity.LegalHoldProperty) + ");");
                }
                else
                {
                    writer.WriteLine(NullableString(entity.LegalHoldProperty) + ")");
                    writer.WriteLine("{");
                    using (writer.Indent())
                    {
                        if (entity.Retention is not null)
                        {
                            RetentionEmitter.WritePurgeRegistration(writer, entity, entity.Retention);
                        }

                        if (entity.DataSubjectKind is not null)
                        {
                            writer.WriteLine("DataSubjectKind = typeof(" + entity.DataSubjectKind + "),");
                        }
                    }

                    writer.WriteLine("};");
                }
            }

            writer.WriteLine();
            writer.WriteLines($"""
                /// <summary>
                /// Applies the privacy configuration of {cref} to the entity type being built.
                /// </summary>
                /// <param name="builder">The builder of the entity type.</param>
                public static void Configure(global::Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<{entityType}> builder)
                """);
            using (writer.OpenBlock())
            {
                writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(builder);");
                writer.WriteLine("global::PrivacyEf.Internal.PrivacyModelConfiguration.Apply(builder.Metadata, Metadata);");
            }

            if (entity.Retention is not null)
            {
                RetentionEmitter.WriteMembers(writer, entity, entity.Retention);
            }
        }
    }

    private static void WriteProperties(IndentedWriter writer, EquatableArray<PropertyModel> properties)
    {
        if (properties.IsEmpty)
        {
            writer.WriteLine("global::System.Array.Empty<" + PropertyMetadata + ">(),");
            return;
        }

        writer.WriteLine("new " + PropertyMetadata + "[]");
        using (writer.OpenBlock("},"))
        {
            foreach (var property in properties)
            {
                var arguments = string.Join(", ", new[]
                {
                    Literal(property.Name),
                    "typeof(" + property.TypeOfName + ")",
                    Enum("global::PrivacyEf.PersonalDataCategory", property.Category),
                    Bool(property.Encrypt),
                    Bool(property.Searchable),
                    Enum("global::PrivacyEf.MaskStyle", property.Mask),
                    Bool(property.Redact),
                    StringArray(property.Purposes),
                });
                writer.WriteLine("new " + PropertyMetadata + "(" + arguments + "),");
            }
        }
    }

    private static string Retention(RetentionModel? retention)
        => retention is null
            ? "null"
            : "new " + RetentionMetadata + "("
              + retention.Days.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", "
              + Literal(retention.FromProperty) + ", "
              + Enum("global::PrivacyEf.RetentionAction", retention.Action) + ")";

    private static string StringArray(EquatableArray<string> values)
    {
        if (values.IsEmpty)
        {
            return "global::System.Array.Empty<string>()";
        }

        var literals = new List<string>(values.Count);
        foreach (var value in values)
        {
            literals.Add(Literal(value));
        }

        return "new string[] { " + string.Join(", ", literals) + " }";
    }

    private static string Enum(string enumType, EnumValueModel value)
        => value.MemberName is { } name
            ? enumType + "." + name
            : "(" + enumType + ")(" + value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";

    private static string NullableString(string? value) => value is null ? "null" : Literal(value);

    internal static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Bool(bool value) => value ? "true" : "false";
}
