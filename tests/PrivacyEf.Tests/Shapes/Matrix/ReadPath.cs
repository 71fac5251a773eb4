namespace PrivacyEf.Tests.Shapes.Matrix;

/// <summary>The ways a personal value leaves the database that the masking column checks.</summary>
public enum ReadPath
{
    /// <summary>Entities the context tracks.</summary>
    Tracked,

    /// <summary>Entities read with <c>AsNoTracking</c>.</summary>
    NoTracking,

    /// <summary>The value alone, projected with <c>Select</c>.</summary>
    Projection,
}
