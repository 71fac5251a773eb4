using Microsoft.Extensions.Compliance.Classification;

namespace PrivacyEf.Tests.Logging;

/// <summary>A classification of PrivacyEf's taxonomy that no category stands for: nothing maps it, so the fallback must erase it.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class UnlistedPrivacyClassificationAttribute() : DataClassificationAttribute(new DataClassification(PrivacyTaxonomy.Name, "Unlisted"));
