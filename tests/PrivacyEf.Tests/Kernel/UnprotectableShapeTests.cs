using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model.Shapes;

namespace PrivacyEf.Tests.Kernel;

/// <summary>A shape PrivacyEf cannot protect is refused when the model is built, never stored as plaintext.</summary>
public sealed class UnprotectableShapeTests : IDisposable
{
    private readonly SqliteTarget target = new();

    public void Dispose() => target.Dispose();

    [Fact]
    public void A_complex_type_with_personal_properties_is_refused_naming_where_and_why()
    {
        using var app = new TestApp<ParcelDbContext>(target);
        using var db = app.NewContext();
        var refused = Assert.Throws<InvalidOperationException>(() => db.Model);
        Assert.Contains("Parcel.Destination", refused.Message, StringComparison.Ordinal);
        Assert.Contains("ParcelAddress has [Personal] properties (Street)", refused.Message, StringComparison.Ordinal);
    }
}
