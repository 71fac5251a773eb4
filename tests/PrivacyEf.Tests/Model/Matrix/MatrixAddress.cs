using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Tests.Model.Matrix;

/// <summary>
/// The owned type of the owned-reference, owned-collection and owned-JSON rows of the shape matrix: the personal street
/// next to a country that is not personal, which the raw scans look for to prove they read where the street is stored.
/// </summary>
[Owned]
public class MatrixAddress
{
    [Personal(PersonalDataCategory.Location, Encrypt = true)]
    public string Street { get; set; } = "";

    public string Country { get; set; } = "";
}
