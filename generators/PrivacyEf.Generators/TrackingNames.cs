namespace PrivacyEf.Generators;

/// <summary>
/// The name of every step of the pipeline, so tests can check from the driver's run results that each step
/// stays cached when an unrelated edit is made.
/// </summary>
internal static class TrackingNames
{
    public const string PersonalAttributes = nameof(PersonalAttributes);
    public const string DataSubjectAttributes = nameof(DataSubjectAttributes);
    public const string LegalHoldAttributes = nameof(LegalHoldAttributes);
    public const string PurposeAttributes = nameof(PurposeAttributes);
    public const string RetainAttributes = nameof(RetainAttributes);
    public const string CollectedPersonal = nameof(CollectedPersonal);
    public const string CollectedDataSubject = nameof(CollectedDataSubject);
    public const string CollectedLegalHold = nameof(CollectedLegalHold);
    public const string CollectedPurpose = nameof(CollectedPurpose);
    public const string CollectedRetain = nameof(CollectedRetain);
    public const string PositionalRecords = nameof(PositionalRecords);
    public const string PersonalAndDataSubjectSites = nameof(PersonalAndDataSubjectSites);
    public const string PropertyAttributeSites = nameof(PropertyAttributeSites);
    public const string PropertyAndPurposeSites = nameof(PropertyAndPurposeSites);
    public const string AllAttributeSites = nameof(AllAttributeSites);
    public const string AllSites = nameof(AllSites);
    public const string ParseResults = nameof(ParseResults);
    public const string Diagnostics = nameof(Diagnostics);
    public const string EntityModels = nameof(EntityModels);
    public const string RuntimeReferenced = nameof(RuntimeReferenced);
    public const string EntityModelsWithRuntime = nameof(EntityModelsWithRuntime);
    public const string EmittableEntities = nameof(EmittableEntities);
    public const string RegisteredClassNames = nameof(RegisteredClassNames);
    public const string CollectedRegistrations = nameof(CollectedRegistrations);
    public const string CollectedInventory = nameof(CollectedInventory);
    public const string CollectedLinkKinds = nameof(CollectedLinkKinds);
    public const string AmbiguousLinks = nameof(AmbiguousLinks);
    public const string PersonalOnRecordParameters = nameof(PersonalOnRecordParameters);
    public const string HiddenProperties = nameof(HiddenProperties);

    /// <summary>Every name above, for tests.</summary>
    public static readonly string[] All =
    [
        PersonalAttributes,
        DataSubjectAttributes,
        LegalHoldAttributes,
        PurposeAttributes,
        RetainAttributes,
        CollectedPersonal,
        CollectedDataSubject,
        CollectedLegalHold,
        CollectedPurpose,
        CollectedRetain,
        PositionalRecords,
        PersonalAndDataSubjectSites,
        PropertyAttributeSites,
        PropertyAndPurposeSites,
        AllAttributeSites,
        AllSites,
        ParseResults,
        Diagnostics,
        EntityModels,
        RuntimeReferenced,
        EntityModelsWithRuntime,
        EmittableEntities,
        RegisteredClassNames,
        CollectedRegistrations,
        CollectedInventory,
        CollectedLinkKinds,
        AmbiguousLinks,
        PersonalOnRecordParameters,
        HiddenProperties,
    ];
}
