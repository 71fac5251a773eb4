using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PrivacyEf.Generators.Diagnostics;
using PrivacyEf.Generators.Model;

namespace PrivacyEf.Generators.Parsing;

/// <summary>
/// Turns an annotated type into an <see cref="EntityParseResult"/>: plain, equatable values with no symbol,
/// syntax node or location left in them, so later steps can be cached across compilations.
/// </summary>
internal static class EntityParser
{
    private static readonly SymbolDisplayFormat NamespaceFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    private static readonly SymbolDisplayFormat MessageFormat =
        SymbolDisplayFormat.CSharpErrorMessageFormat;

    private static readonly PrivacyAttributeKind[] PropertySitePriority =
    [
        PrivacyAttributeKind.Personal,
        PrivacyAttributeKind.DataSubject,
        PrivacyAttributeKind.LegalHold,
        PrivacyAttributeKind.Purpose,
    ];

    public static bool IsPropertyDeclaration(SyntaxNode node, CancellationToken cancellationToken)
        => node is PropertyDeclarationSyntax;

    public static bool IsClassDeclaration(SyntaxNode node, CancellationToken cancellationToken)
        => node is ClassDeclarationSyntax or RecordDeclarationSyntax;

    public static bool IsPropertyOrClassDeclaration(SyntaxNode node, CancellationToken cancellationToken)
        => IsPropertyDeclaration(node, cancellationToken) || IsClassDeclaration(node, cancellationToken);

    /// <summary>
    /// Parses the type that owns the attribute <paramref name="context"/> found, but only from one of the
    /// type's attribute sites (its representative site), so a type with many annotated properties is parsed
    /// once per compilation, not once per attribute. Every other site yields null.
    /// </summary>
    public static EntityParseResult? ParseFromAttributeSite(
        GeneratorAttributeSyntaxContext context,
        PrivacyAttributeKind kind,
        CancellationToken cancellationToken)
    {
        var target = context.TargetSymbol switch
        {
            IPropertySymbol { PartialDefinitionPart: { } definition } => definition,
            var symbol => symbol,
        };

        var type = target as INamedTypeSymbol ?? target.ContainingType;
        if (type is null || !IsCandidate(type))
        {
            return null;
        }

        var site = FindRepresentativeSite(type, cancellationToken);
        if (site.Kind != kind || !SymbolEqualityComparer.Default.Equals(site.Symbol, target))
        {
            return null;
        }

        return Parse(type, cancellationToken);
    }

    /// <summary>Parses <paramref name="type"/>; null when the type can never be an entity (see <see cref="IsCandidate"/>).</summary>
    public static EntityParseResult? Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (!IsCandidate(type))
        {
            return null;
        }

        var parser = new Parser(type);
        return parser.Parse(cancellationToken);
    }

    /// <summary>
    /// Generic types (and types nested in them) are skipped without a word, as are static classes, structs
    /// and interfaces: none of them can be an EF entity type a generated class could name.
    /// </summary>
    private static bool IsCandidate(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsStatic)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType)
            {
                return false;
            }
        }

        return true;
    }

    private static (ISymbol? Symbol, PrivacyAttributeKind Kind) FindRepresentativeSite(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var classKinds = KindsOf(type);
        if (classKinds.Contains(PrivacyAttributeKind.Retain))
        {
            return (type, PrivacyAttributeKind.Retain);
        }

        if (classKinds.Contains(PrivacyAttributeKind.Purpose))
        {
            return (type, PrivacyAttributeKind.Purpose);
        }

        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is not IPropertySymbol property || !IsDeclaredAsProperty(property, cancellationToken))
            {
                continue;
            }

            var kinds = KindsOf(property);
            foreach (var kind in PropertySitePriority)
            {
                if (kinds.Contains(kind))
                {
                    return (property, kind);
                }
            }
        }

        return (null, PrivacyAttributeKind.None);
    }

    /// <summary>
    /// Whether the attribute finder visits this property: an instance property written as a property
    /// declaration (not an indexer, not a positional record parameter).
    /// </summary>
    private static bool IsDeclaredAsProperty(IPropertySymbol property, CancellationToken cancellationToken)
    {
        if (property.IsStatic || property.IsIndexer)
        {
            return false;
        }

        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is PropertyDeclarationSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<PrivacyAttributeKind> KindsOf(ISymbol symbol)
    {
        var kinds = new HashSet<PrivacyAttributeKind>();
        foreach (var attribute in symbol.GetAttributes())
        {
            var kind = PrivacyAttributeNames.KindOf(attribute);
            if (kind != PrivacyAttributeKind.None)
            {
                kinds.Add(kind);
            }
        }

        return kinds;
    }

    /// <summary>The state of one parse; holds symbols, and so never leaves <see cref="EntityParser"/>.</summary>
    private sealed class Parser
    {
        private readonly INamedTypeSymbol _type;
        private readonly string _entityName;
        private readonly ImmutableArray<DiagnosticInfo>.Builder _diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        private bool _hasErrors;

        public Parser(INamedTypeSymbol type)
        {
            _type = type;
            _entityName = type.ToDisplayString(MessageFormat);
        }

        public EntityParseResult Parse(CancellationToken cancellationToken)
        {
            var properties = CollectProperties(cancellationToken);

            var personal = ImmutableArray.CreateBuilder<PropertyModel>();
            IPropertySymbol? dataSubject = null;
            IPropertySymbol? legalHold = null;
            foreach (var property in properties)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (attributes, declaringProperty) = AttributesOf(property);
                if (attributes.IsEmpty)
                {
                    continue;
                }

                var purposeAttribute = Find(attributes, PrivacyAttributeKind.Purpose);
                var purposes = purposeAttribute is null
                    ? EquatableArray<string>.Empty
                    : ReadPurposes(purposeAttribute, declaringProperty, "property '" + property.Name + "' of entity '" + _entityName + "'");

                if (Find(attributes, PrivacyAttributeKind.Personal) is { } personalAttribute
                    && ReadPersonal(personalAttribute, property, declaringProperty, purposes) is { } model)
                {
                    personal.Add(model);
                }

                if (Find(attributes, PrivacyAttributeKind.DataSubject) is { } dataSubjectAttribute)
                {
                    if (dataSubject is null)
                    {
                        dataSubject = property;
                    }
                    else
                    {
                        Report(declaringProperty, DiagnosticDescriptors.DuplicateDataSubject, dataSubjectAttribute, property.Name, _entityName, dataSubject.Name);
                    }
                }

                if (Find(attributes, PrivacyAttributeKind.LegalHold) is { } legalHoldAttribute)
                {
                    if (property.Type.SpecialType != SpecialType.System_Boolean)
                    {
                        Report(declaringProperty, DiagnosticDescriptors.LegalHoldNotBool, legalHoldAttribute, property.Name, _entityName, property.Type.ToDisplayString(MessageFormat));
                    }
                    else if (legalHold is null)
                    {
                        legalHold = property;
                    }
                    else
                    {
                        Report(declaringProperty, DiagnosticDescriptors.DuplicateLegalHold, legalHoldAttribute, property.Name, _entityName, legalHold.Name);
                    }
                }
            }

            var classPurposes = EquatableArray<string>.Empty;
            if (FindClassAttribute(PrivacyAttributeKind.Purpose) is ({ } classPurposeAttribute, { } purposeOwner))
            {
                classPurposes = ReadPurposes(classPurposeAttribute, purposeOwner, "entity '" + _entityName + "'");
            }

            RetentionModel? retention = null;
            if (FindClassAttribute(PrivacyAttributeKind.Retain) is ({ } retainAttribute, { } retainOwner))
            {
                retention = ReadRetention(retainAttribute, retainOwner, properties);
            }

            if (personal.Count > 0 && dataSubject is null)
            {
                // A warning, not an error: the entity is still protected, only subject requests cannot reach it.
                _diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.MissingDataSubject,
                    LocationInfo.From(_type.Locations.IsEmpty ? null : _type.Locations[0]),
                    _entityName));
            }

            var fullyQualifiedName = _type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            var entity = _hasErrors ? null : CreateModel(fullyQualifiedName, personal.ToImmutable(), classPurposes, retention, dataSubject, legalHold);
            return new EntityParseResult(fullyQualifiedName, entity, _diagnostics.ToImmutable().ToEquatableArray());
        }

        /// <summary>
        /// The instance properties of the type and its base types, base first. A property hidden or overridden
        /// in a derived type is taken from the most derived declaration only.
        /// </summary>
        private List<IPropertySymbol> CollectProperties(CancellationToken cancellationToken)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var levels = new List<List<IPropertySymbol>>();
            for (var current = _type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var level = new List<IPropertySymbol>();
                foreach (var member in current.GetMembers())
                {
                    if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, ExplicitInterfaceImplementations.IsEmpty: true } property
                        && seen.Add(property.Name))
                    {
                        level.Add(property);
                    }
                }

                levels.Add(level);
            }

            var properties = new List<IPropertySymbol>();
            for (var i = levels.Count - 1; i >= 0; i--)
            {
                properties.AddRange(levels[i]);
            }

            return properties;
        }

        /// <summary>
        /// The PrivacyEf attributes of a property; an override without any takes those of the property it
        /// overrides (the attributes are declared <c>Inherited = true</c>).
        /// </summary>
        private static (ImmutableArray<AttributeData> Attributes, IPropertySymbol DeclaringProperty) AttributesOf(IPropertySymbol property)
        {
            for (var current = property; current is not null; current = current.OverriddenProperty)
            {
                var builder = ImmutableArray.CreateBuilder<AttributeData>();
                foreach (var attribute in current.GetAttributes())
                {
                    if (PrivacyAttributeNames.KindOf(attribute) != PrivacyAttributeKind.None)
                    {
                        builder.Add(attribute);
                    }
                }

                if (builder.Count > 0 || !current.IsOverride)
                {
                    return (builder.ToImmutable(), current);
                }
            }

            return (ImmutableArray<AttributeData>.Empty, property);
        }

        private static AttributeData? Find(ImmutableArray<AttributeData> attributes, PrivacyAttributeKind kind)
        {
            foreach (var attribute in attributes)
            {
                if (PrivacyAttributeNames.KindOf(attribute) == kind)
                {
                    return attribute;
                }
            }

            return null;
        }

        /// <summary>A class-level attribute of the type, else of its nearest base type that has one.</summary>
        private (AttributeData? Attribute, INamedTypeSymbol? Owner) FindClassAttribute(PrivacyAttributeKind kind)
        {
            for (var current = _type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (PrivacyAttributeNames.KindOf(attribute) == kind)
                    {
                        return (attribute, current);
                    }
                }
            }

            return (null, null);
        }

        private PropertyModel? ReadPersonal(AttributeData attribute, IPropertySymbol property, IPropertySymbol declaringProperty, EquatableArray<string> purposes)
        {
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1 || property.Type.TypeKind == TypeKind.Error)
            {
                // The compiler already reports the broken attribute or type; generating from it would only add noise.
                _hasErrors = true;
                return null;
            }

            var category = ReadEnum(attribute.ConstructorArguments[0]);
            var encrypt = false;
            var searchable = false;
            var redact = false;
            var mask = new EnumValueModel("Default", 0);
            foreach (var argument in attribute.NamedArguments)
            {
                switch (argument.Key)
                {
                    case "Encrypt":
                        encrypt = argument.Value.Value is true;
                        break;
                    case "Searchable":
                        searchable = argument.Value.Value is true;
                        break;
                    case "Redact":
                        redact = argument.Value.Value is true;
                        break;
                    case "Mask":
                        mask = ReadEnum(argument.Value);
                        break;
                }
            }

            var typeName = property.Type.ToDisplayString(MessageFormat);
            if (encrypt && !IsStringOrBytes(property.Type))
            {
                Report(declaringProperty, DiagnosticDescriptors.EncryptUnsupportedType, attribute, property.Name, _entityName, typeName);
            }

            if (searchable && !encrypt)
            {
                Report(declaringProperty, DiagnosticDescriptors.SearchableWithoutEncrypt, attribute, property.Name, _entityName);
            }

            if (redact && property.Type.SpecialType != SpecialType.System_String)
            {
                Report(declaringProperty, DiagnosticDescriptors.RedactUnsupportedType, attribute, property.Name, _entityName, typeName);
            }

            return new PropertyModel(
                property.Name,
                TypeOfName(property.Type),
                category,
                encrypt,
                searchable,
                mask,
                redact,
                purposes);
        }

        private EquatableArray<string> ReadPurposes(AttributeData attribute, ISymbol owner, string where)
        {
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1)
            {
                _hasErrors = true;
                return EquatableArray<string>.Empty;
            }

            var argument = attribute.ConstructorArguments[0];
            var purposes = ImmutableArray.CreateBuilder<string>();
            var valid = argument.Kind == TypedConstantKind.Array && !argument.IsNull && argument.Values.Length > 0;
            if (valid)
            {
                foreach (var value in argument.Values)
                {
                    if (value.Value is string purpose && !string.IsNullOrWhiteSpace(purpose))
                    {
                        purposes.Add(purpose);
                    }
                    else
                    {
                        valid = false;
                    }
                }
            }

            if (!valid)
            {
                Report(owner, DiagnosticDescriptors.PurposeEmpty, attribute, where);
            }

            return purposes.ToImmutable().ToEquatableArray();
        }

        private RetentionModel? ReadRetention(AttributeData attribute, INamedTypeSymbol owner, List<IPropertySymbol> properties)
        {
            if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not int days)
            {
                _hasErrors = true;
                return null;
            }

            string? from = null;
            var action = new EnumValueModel("Delete", 0);
            foreach (var argument in attribute.NamedArguments)
            {
                switch (argument.Key)
                {
                    case "From":
                        from = argument.Value.Value as string;
                        break;
                    case "Then":
                        action = ReadEnum(argument.Value);
                        break;
                }
            }

            var valid = true;
            if (days <= 0)
            {
                Report(owner, DiagnosticDescriptors.RetainDaysNotPositive, attribute, _entityName, days.ToString(CultureInfo.InvariantCulture));
                valid = false;
            }

            var fromProperty = string.IsNullOrEmpty(from) ? null : properties.Find(p => string.Equals(p.Name, from, StringComparison.Ordinal));
            if (fromProperty is null)
            {
                var written = from is null ? "null" : Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(from, quote: true);
                Report(owner, DiagnosticDescriptors.RetainFromNotFound, attribute, _entityName, written);
                valid = false;
            }
            else if (fromProperty.Type.TypeKind == TypeKind.Error)
            {
                _hasErrors = true;
                valid = false;
            }
            else if (!IsDateOrNullableDate(fromProperty.Type))
            {
                Report(owner, DiagnosticDescriptors.RetainFromNotDate, attribute, _entityName, fromProperty.Name, fromProperty.Type.ToDisplayString(MessageFormat));
                valid = false;
            }

            if (!valid)
            {
                return null;
            }

            var fromType = fromProperty!.Type;
            var fromIsNullable = fromType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
            var underlying = fromIsNullable ? ((INamedTypeSymbol)fromType).TypeArguments[0] : fromType;
            return new RetentionModel(days, fromProperty.Name, action, TypeOfName(fromType), underlying.SpecialType != SpecialType.System_DateTime, fromIsNullable);
        }

        private EntityModel? CreateModel(
            string fullyQualifiedName,
            ImmutableArray<PropertyModel> properties,
            EquatableArray<string> classPurposes,
            RetentionModel? retention,
            IPropertySymbol? dataSubject,
            IPropertySymbol? legalHold)
        {
            // A file-local type, or one nested where a namespace-level class cannot see it, cannot be named by
            // the generated class: its attributes are still checked above, but nothing is generated for it.
            if (_type.IsFileLocal)
            {
                return null;
            }

            var isPublic = true;
            var className = _type.Name;
            for (var current = _type; current is not null; current = current.ContainingType)
            {
                switch (current.DeclaredAccessibility)
                {
                    case Accessibility.Public:
                        break;
                    case Accessibility.Internal:
                    case Accessibility.ProtectedOrInternal:
                        isPublic = false;
                        break;
                    default:
                        return null;
                }

                if (!SymbolEqualityComparer.Default.Equals(current, _type))
                {
                    className = current.Name + "_" + className;
                }
            }

            var ns = _type.ContainingNamespace is { IsGlobalNamespace: false } containing
                ? containing.ToDisplayString(NamespaceFormat)
                : string.Empty;

            return new EntityModel(
                ns,
                fullyQualifiedName,
                className + "Privacy",
                isPublic,
                properties.ToEquatableArray(),
                classPurposes,
                retention,
                dataSubject?.Name,
                legalHold?.Name);
        }

        /// <summary>
        /// Records an error. It is reported only where the attribute is declared in this type (or in a generic
        /// base, which is never parsed on its own); an inherited error is reported by the base entity itself,
        /// and here it only keeps this entity from being generated.
        /// </summary>
        private void Report(ISymbol declaringMember, DiagnosticDescriptor descriptor, AttributeData attribute, params string[] messageArgs)
        {
            _hasErrors = true;
            var declaringType = declaringMember as INamedTypeSymbol ?? declaringMember.ContainingType;
            var declaredHere = SymbolEqualityComparer.Default.Equals(declaringType, _type);
            var declaredInGenericSourceBase = declaringType.IsGenericType && !declaringType.DeclaringSyntaxReferences.IsEmpty;
            if (declaredHere || declaredInGenericSourceBase)
            {
                _diagnostics.Add(DiagnosticInfo.Create(descriptor, LocationInfo.From(attribute), messageArgs));
            }
        }

        private static EnumValueModel ReadEnum(TypedConstant constant)
        {
            var value = constant.Value is null ? 0 : Convert.ToInt32(constant.Value, CultureInfo.InvariantCulture);
            if (constant.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
            {
                foreach (var member in enumType.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true } field
                        && Convert.ToInt32(field.ConstantValue, CultureInfo.InvariantCulture) == value)
                    {
                        return new EnumValueModel(field.Name, value);
                    }
                }
            }

            return new EnumValueModel(null, value);
        }

        private static bool IsStringOrBytes(ITypeSymbol type)
            => type.SpecialType == SpecialType.System_String
               || type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte };

        private static bool IsDateOrNullableDate(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            return type.SpecialType == SpecialType.System_DateTime
                   || type is INamedTypeSymbol { Name: "DateTimeOffset", ContainingType: null, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
        }

        /// <summary>The type as <c>typeof</c> takes it: <c>global::</c>-qualified, no nullable reference annotation.</summary>
        private static string TypeOfName(ITypeSymbol type)
            => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
    }
}
