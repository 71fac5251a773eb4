using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Access.Masking;
using PrivacyEf.Internal;
using PrivacyEf.Inventory;
using PrivacyEf.Tests.Model.Access;

namespace PrivacyEf.Tests.Access;

/// <summary>
/// The record of processing states the mask a reader without access gets: for every category, declared style and
/// property type, masking a value with the stated style gives what a read gives. Before one rule served both, the
/// inventory chose by property name and masking by value, so a contact address in a property not named "mail" was
/// described as hidden and read as a masked address.
/// </summary>
public sealed class InventoryMaskTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private static readonly Lazy<IModel> Model = new(() =>
    {
        // Only the model is read. Other tests have made many EF service providers by now, which EF would refuse to add to.
        var options = new DbContextOptionsBuilder<MaskSampleDbContext>()
            .UseSqlite("Data Source=:memory:")
            .ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning))
            .Options;
        using var context = new MaskSampleDbContext(options);
        return context.Model;
    });

    private static readonly (string Property, Type Type, object[] Values)[] Samples =
    [
        (nameof(MaskSample.Text), typeof(string), ["ada@analytical.example", "Ada Lovelace", "+44 20 7946 0018", "1815-12-10", "GB33BUKB20201555555555", "write to ada@analytical.example"]),
        (nameof(MaskSample.OptionalText), typeof(string), ["grace@cobol.example", "Grace Hopper", "4111111111111111"]),
        (nameof(MaskSample.When), typeof(DateTime), [new DateTime(1815, 12, 10, 13, 5, 0, DateTimeKind.Utc)]),
        (nameof(MaskSample.OptionalWhen), typeof(DateTime?), [new DateTime(1906, 12, 9, 0, 0, 0, DateTimeKind.Utc)]),
        (nameof(MaskSample.Moment), typeof(DateTimeOffset), [new DateTimeOffset(1990, 7, 4, 8, 0, 0, TimeSpan.FromHours(2))]),
        (nameof(MaskSample.Day), typeof(DateOnly), [new DateOnly(2000, 12, 31)]),
        (nameof(MaskSample.Count), typeof(int), [42]),
        (nameof(MaskSample.OptionalCount), typeof(int?), [7]),
        (nameof(MaskSample.Amount), typeof(decimal), [12.5m]),
        (nameof(MaskSample.Flag), typeof(bool), [true]),
        (nameof(MaskSample.Token), typeof(Guid), [Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e")]),
        (nameof(MaskSample.Blob), typeof(byte[]), [new byte[] { 1, 2, 3 }]),
    ];

    public static TheoryData<PersonalDataCategory> Categories => [.. Enum.GetValues<PersonalDataCategory>()];

    [Theory]
    [MemberData(nameof(Categories))]
    public void The_inventory_states_the_mask_that_every_read_applies(PersonalDataCategory category)
    {
        foreach (var declared in Enum.GetValues<MaskStyle>())
        {
            var declaration = new PrivacyEntityMetadata(
                typeof(MaskSample),
                [.. Samples.Select(s => new PrivacyPropertyMetadata(s.Property, s.Type, category, false, false, declared, false, []))],
                [],
                null,
                null,
                null);
            var inventory = PrivacyInventoryBuilder.Build(Model.Value, _ => null, [], type => type.ClrType == typeof(MaskSample) ? declaration : null);
            var entity = Assert.Single(inventory.Entities, e => e.Name == nameof(MaskSample));
            foreach (var (property, type, values) in Samples)
            {
                var stated = Assert.Single(entity.Properties, p => p.Name == property).Mask;
                Assert.NotEqual(MaskStyle.Default, stated);
                foreach (var value in values)
                {
                    foreach (var nullable in new[] { true, false })
                    {
                        var read = ValueMasker.Mask(value, type, declared, category, nullable, Key);
                        var asStated = ValueMasker.Mask(value, type, stated, category, nullable, Key);
                        Assert.True(
                            Equals(read, asStated) || (read is byte[] readBytes && asStated is byte[] statedBytes && readBytes.SequenceEqual(statedBytes)),
                            $"{category} {type.Name} {property} declared {declared}, stated {stated}: a read gives '{read}', the stated mask '{asStated}'");
                    }
                }
            }
        }
    }
}
