using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using PrivacyEf.Generators.Diagnostics;
using PrivacyEf.Generators.Model;

namespace PrivacyEf.Generators.Parsing;

/// <summary>The state of one parse of a class; holds symbols, and so never leaves the parsing step.</summary>
internal sealed class TypeParser
{
    private static readonly SymbolDisplayFormat NamespaceFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    private static readonly SymbolDisplayFormat MessageFormat = SymbolDisplayFormat.CSharpErrorMessageFormat;

    private readonly INamedTypeSymbol _type;
    private string? _entityName;
    private readonly ImmutableArray<DiagnosticInfo>.Builder _diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
    private readonly SyntaxAnnotationReader _syntaxReader = new();
    private readonly PropertyChecks _checks;
    private bool _hasErrors;

    public TypeParser(INamedTypeSymbol type)
    {
        _type = type;
        _checks = new PropertyChecks(type);
    }

    /// <summary>
    /// Whether the class is marked <c>[Owned]</c>: part of its owner's row, reached by the owner's data subject, so it
    /// needs no [DataSubject] of its own (and could not have one that means anything).
    /// </summary>
    private bool IsOwnedType()
    {
        foreach (var attribute in _type.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "OwnedAttribute", ContainingNamespace: { Name: "EntityFrameworkCore", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entity's name in messages; built only when there is one to write.</summary>
    private string EntityName => _entityName ??= _type.ToDisplayString(MessageFormat);

    public EntityParseResult Parse(CancellationToken cancellationToken)
    {
        var properties = CollectProperties(cancellationToken);

        var personal = ImmutableArray.CreateBuilder<PropertyModel>();
        IPropertySymbol? dataSubject = null;
        string? dataSubjectKind = null;
        IPropertySymbol? legalHold = null;
        foreach (var property in properties)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (annotations, declaringProperty) = AnnotationsOf(property, cancellationToken);
            if (annotations.IsEmpty)
            {
                continue;
            }

            if (annotations.PersonalWithoutCategory is { } withoutCategory)
            {
                Report(declaringProperty, DiagnosticDescriptors.PersonalWithoutCategory, withoutCategory, property.Name, EntityName);
            }

            if (annotations.IsBroken || property.Type.TypeKind == TypeKind.Error)
            {
                // The compiler already reports the broken attribute or type; generating from it would only add noise.
                _hasErrors = true;
            }

            var purposes = EquatableArray<string>.Empty;
            if (annotations.Purpose is { } purpose)
            {
                purposes = purpose.Purposes;
                if (!purpose.IsValid)
                {
                    Report(declaringProperty, DiagnosticDescriptors.PurposeEmpty, purpose.Location, "property '" + property.Name + "' of entity '" + EntityName + "'");
                }
            }

            if (annotations.Personal is { } personalArguments && property.Type.TypeKind != TypeKind.Error
                && ReadPersonal(personalArguments, property, declaringProperty, annotations.HasDataSubject, purposes, cancellationToken) is { } model)
            {
                personal.Add(model);
            }

            if (annotations.HasDataSubject)
            {
                if (annotations.DataSubjectKindFacts is { IsSubject: false } kindFacts)
                {
                    Report(declaringProperty, DiagnosticDescriptors.DataSubjectKindNotASubject, annotations.DataSubject, property.Name, EntityName, kindFacts.Name);
                }

                if (dataSubject is null)
                {
                    dataSubject = property;
                    dataSubjectKind = annotations.DataSubjectKind;
                }
                else
                {
                    Report(declaringProperty, DiagnosticDescriptors.DuplicateDataSubject, annotations.DataSubject, property.Name, EntityName, dataSubject.Name);
                }
            }

            if (annotations.HasLegalHold)
            {
                if (property.Type.SpecialType != SpecialType.System_Boolean)
                {
                    Report(declaringProperty, DiagnosticDescriptors.LegalHoldNotBool, annotations.LegalHold, property.Name, EntityName, property.Type.ToDisplayString(MessageFormat));
                }
                else if (legalHold is null)
                {
                    legalHold = property;
                }
                else
                {
                    Report(declaringProperty, DiagnosticDescriptors.DuplicateLegalHold, annotations.LegalHold, property.Name, EntityName, legalHold.Name);
                }
            }
        }

        var classPurposes = EquatableArray<string>.Empty;
        if (FindClassAttribute(PrivacyAttributeKind.Purpose) is ({ } classPurposeAttribute, { } purposeOwner))
        {
            if (SemanticAnnotationReader.ReadPurpose(classPurposeAttribute) is not { } classPurpose)
            {
                _hasErrors = true;
            }
            else
            {
                classPurposes = classPurpose.Purposes;
                if (!classPurpose.IsValid)
                {
                    Report(purposeOwner, DiagnosticDescriptors.PurposeEmpty, classPurpose.Location, "entity '" + EntityName + "'");
                }
            }
        }

        RetentionModel? retention = null;
        if (FindClassAttribute(PrivacyAttributeKind.Retain) is ({ } retainAttribute, { } retainOwner))
        {
            retention = ReadRetention(retainAttribute, retainOwner, properties);
        }

        if (personal.Count > 0 && dataSubject is null && !IsOwnedType())
        {
            // A warning, not an error: the entity is still protected, only subject requests cannot reach it.
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.MissingDataSubject,
                LocationInfo.From(_type.Locations.IsEmpty ? null : _type.Locations[0]),
                EntityName));
        }

        var fullyQualifiedName = _type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var entity = _hasErrors ? null : CreateModel(fullyQualifiedName, personal.ToImmutable(), classPurposes, retention, dataSubject, dataSubjectKind, legalHold);
        if (entity is not null && dataSubject is not null)
        {
            var isSubjectKind = _checks.KeyRole(dataSubject, isDataSubject: false, cancellationToken) is not null;
            entity = entity with
            {
                IsSubjectKind = isSubjectKind,
                HasLinkWithoutKind = !isSubjectKind && dataSubjectKind is null && !HasNavigationToKind(properties),
            };
        }

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
    /// The PrivacyEf annotations of a property; an override without any takes those of the property it
    /// overrides (the attributes are declared <c>Inherited = true</c>).
    /// </summary>
    private (PropertyAnnotations Annotations, IPropertySymbol DeclaringProperty) AnnotationsOf(IPropertySymbol property, CancellationToken cancellationToken)
    {
        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            if (!_syntaxReader.TryRead(current, cancellationToken, out var annotations))
            {
                var attributes = current.GetAttributes();
                _syntaxReader.Learn(current, attributes, cancellationToken);
                annotations = SemanticAnnotationReader.Read(attributes);
            }

            if (!annotations.IsEmpty || !current.IsOverride)
            {
                return (annotations, current);
            }
        }

        return (PropertyAnnotations.Empty, property);
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

    private PropertyModel? ReadPersonal(
        PersonalArguments arguments,
        IPropertySymbol property,
        IPropertySymbol declaringProperty,
        bool isDataSubject,
        EquatableArray<string> purposes,
        CancellationToken cancellationToken)
    {
        var type = property.Type;
        if (TypeFacts.NavigationTarget(type) is { } target)
        {
            // The other checks would only add noise: none of them applies to a navigation.
            Report(declaringProperty, DiagnosticDescriptors.PersonalOnNavigation, arguments.Location, property.Name, EntityName, target.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(MessageFormat));
            return null;
        }

        if (arguments.Encrypt && _checks.KeyRole(property, isDataSubject, cancellationToken) is { } role)
        {
            Report(declaringProperty, DiagnosticDescriptors.EncryptOnKey, arguments.Location, property.Name, EntityName, role);
        }
        else if (arguments.Encrypt && !TypeFacts.IsStringOrBytes(type))
        {
            Report(declaringProperty, DiagnosticDescriptors.EncryptUnsupportedType, arguments.Location, property.Name, EntityName, type.ToDisplayString(MessageFormat));
        }

        if (arguments.Searchable && !TypeFacts.IsString(type))
        {
            Report(declaringProperty, DiagnosticDescriptors.SearchableNotString, arguments.Location, property.Name, EntityName, type.ToDisplayString(MessageFormat));
        }
        else if (arguments.Searchable && !arguments.Encrypt)
        {
            Report(declaringProperty, DiagnosticDescriptors.SearchableWithoutEncrypt, arguments.Location, property.Name, EntityName);
        }

        if (arguments.Redact && !TypeFacts.IsString(type))
        {
            Report(declaringProperty, DiagnosticDescriptors.RedactUnsupportedType, arguments.Location, property.Name, EntityName, type.ToDisplayString(MessageFormat));
        }

        if (PropertyChecks.MaskFitsOnly(arguments.Mask, type) is { } fits)
        {
            Report(declaringProperty, DiagnosticDescriptors.MaskUnsupportedType, arguments.Location, property.Name, EntityName, type.ToDisplayString(MessageFormat), arguments.Mask.MemberName!, fits);
        }

        return new PropertyModel(
            property.Name,
            TypeNames.TypeOf(type),
            arguments.Category,
            arguments.Encrypt,
            arguments.Searchable,
            arguments.Mask,
            arguments.Redact,
            purposes);
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
                    action = SemanticAnnotationReader.ReadEnum(argument.Value);
                    break;
            }
        }

        var location = LocationInfo.From(attribute);
        var valid = true;
        if (days <= 0)
        {
            Report(owner, DiagnosticDescriptors.RetainDaysNotPositive, location, EntityName, days.ToString(CultureInfo.InvariantCulture));
            valid = false;
        }

        var fromProperty = string.IsNullOrEmpty(from) ? null : properties.Find(p => string.Equals(p.Name, from, StringComparison.Ordinal));
        if (fromProperty is null)
        {
            var written = from is null ? "null" : Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(from, quote: true);
            Report(owner, DiagnosticDescriptors.RetainFromNotFound, location, EntityName, written);
            valid = false;
        }
        else if (fromProperty.Type.TypeKind == TypeKind.Error)
        {
            _hasErrors = true;
            valid = false;
        }
        else if (!TypeFacts.IsDateOrNullableDate(fromProperty.Type))
        {
            Report(owner, DiagnosticDescriptors.RetainFromNotDate, location, EntityName, fromProperty.Name, fromProperty.Type.ToDisplayString(MessageFormat));
            valid = false;
        }

        if (!valid)
        {
            return null;
        }

        var fromType = fromProperty!.Type;
        var fromIsNullable = fromType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        var underlying = TypeFacts.WithoutNullable(fromType);
        return new RetentionModel(days, fromProperty.Name, action, TypeNames.TypeOf(fromType), underlying.SpecialType != SpecialType.System_DateTime, fromIsNullable);
    }

    private EntityModel? CreateModel(
        string fullyQualifiedName,
        ImmutableArray<PropertyModel> properties,
        EquatableArray<string> classPurposes,
        RetentionModel? retention,
        IPropertySymbol? dataSubject,
        string? dataSubjectKind,
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
            legalHold?.Name,
            MaskCarrier.CanCarry(_type))
        {
            DataSubjectKind = dataSubjectKind,
        };
    }

    /// <summary>Whether a property of the entity navigates to a kind of data subject (an entity that marks its own key).</summary>
    private static bool HasNavigationToKind(List<IPropertySymbol> properties)
    {
        foreach (var property in properties)
        {
            // A reference navigation only: a collection is the other side of a link, not this entity's.
            if (property.Type is INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } type && DataSubjectKinds.HasSubjectProperty(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Records an error. It is reported only where the attribute is declared in this type (or in a generic
    /// base, which is never parsed on its own); an inherited error is reported by the base entity itself,
    /// and here it only keeps this entity from being generated.
    /// </summary>
    private void Report(ISymbol declaringMember, DiagnosticDescriptor descriptor, LocationInfo? location, params string[] messageArgs)
    {
        _hasErrors = true;
        var declaringType = declaringMember as INamedTypeSymbol ?? declaringMember.ContainingType;
        var declaredHere = SymbolEqualityComparer.Default.Equals(declaringType, _type);
        var declaredInGenericSourceBase = declaringType.IsGenericType && !declaringType.DeclaringSyntaxReferences.IsEmpty;
        if (declaredHere || declaredInGenericSourceBase)
        {
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, messageArgs));
        }
    }
}
