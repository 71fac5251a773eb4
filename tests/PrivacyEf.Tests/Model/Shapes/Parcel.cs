namespace PrivacyEf.Tests.Model.Shapes;

public class Parcel
{
    public int Id { get; set; }

    public ParcelAddress Destination { get; set; } = new();
}
