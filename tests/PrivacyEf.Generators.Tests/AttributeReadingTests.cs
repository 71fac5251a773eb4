using static PrivacyEf.Generators.Tests.DiagnosticAssert;

namespace PrivacyEf.Generators.Tests;

/// <summary>
/// The generator reads most attributes from syntax and binds only what it cannot read that way: whatever way an
/// attribute is written, the model must be the one binding gives.
/// </summary>
public sealed class AttributeReadingTests
{
    /// <summary>The same entity, once in the plain form the syntax reader takes and once in forms only binding reads.</summary>
    private const string PlainAndBound = """
        namespace Shop
        {
            public class Plain
            {
                [DataSubject]
                public int PersonId { get; set; }

                [Personal(PersonalDataCategory.Contact, Encrypt = true, Searchable = true, Mask = MaskStyle.Email)]
                [Purpose("support", "billing")]
                public string Email { get; set; } = "";

                [Personal(PersonalDataCategory.Financial, Encrypt = false, Mask = MaskStyle.Last4, Redact = false)]
                [Purpose("billing")]
                public string? Iban { get; set; }

                [Personal(PersonalDataCategory.FreeText, Redact = true)]
                public string Notes { get; set; } = "";
            }

            public class Bound
            {
                private const bool Yes = true;
                private const string Billing = "billing";

                [DataSubject]
                public int PersonId { get; set; }

                [Personal(category: PersonalDataCategory.Contact, Encrypt = Yes, Searchable = !false, Mask = (MaskStyle)3)]
                [Purpose("support", Billing)]
                public string Email { get; set; } = "";

                [global::PrivacyEf.PersonalAttribute((PersonalDataCategory)3, Encrypt = false, Mask = MaskStyle.Last4, Redact = false)]
                [PrivacyEf.Purpose(new[] { Billing })]
                public string? Iban { get; set; }

                [Personal(PersonalDataCategory.FreeText, Redact = Yes)]
                public string Notes { get; set; } = "";
            }
        }
        """;

    [Fact]
    public void Attributes_read_from_syntax_give_the_model_binding_gives()
    {
        var output = GeneratorHarness.Run(("Entity.cs", Usings + PlainAndBound));

        Assert.Empty(output.AllDiagnostics);
        var plain = Metadata(output.Sources["Shop.PlainPrivacy.g.cs"]);
        Assert.Equal(3, plain.Count(line => line.StartsWith("new global::PrivacyEf.Internal.PrivacyPropertyMetadata(\"", StringComparison.Ordinal)));
        Assert.Equal(plain, Metadata(output.Sources["Shop.BoundPrivacy.g.cs"]));
    }

    [Fact]
    public void An_attribute_written_under_a_using_alias_is_read_on_every_property()
    {
        var output = GeneratorHarness.Run(("Entity.cs", """
            using Pii = PrivacyEf.PersonalAttribute;
            using PrivacyEf;

            namespace Shop
            {
                public class Lead
                {
                    [DataSubject]
                    public int PersonId { get; set; }

                    [Pii(PersonalDataCategory.Contact, Encrypt = true)]
                    public string Email { get; set; } = "";

                    [Pii(PersonalDataCategory.Contact)]
                    public string? Phone { get; set; }

                    [Personal(PersonalDataCategory.Identity)]
                    public string Name { get; set; } = "";
                }
            }
            """));

        Assert.Empty(output.AllDiagnostics);
        var generated = output.Sources["Shop.LeadPrivacy.g.cs"];
        Assert.Contains("PrivacyPropertyMetadata(\"Email\", typeof(string), global::PrivacyEf.PersonalDataCategory.Contact, true,", generated, StringComparison.Ordinal);
        Assert.Contains("PrivacyPropertyMetadata(\"Phone\"", generated, StringComparison.Ordinal);
        Assert.Contains("PrivacyPropertyMetadata(\"Name\"", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attribute_of_another_library_with_the_same_name_is_not_taken_for_PrivacyEf()
    {
        var output = GeneratorHarness.Run(("Entity.cs", """
            using PrivacyEf;

            namespace Other
            {
                [System.AttributeUsage(System.AttributeTargets.Property)]
                public sealed class PersonalAttribute : System.Attribute
                {
                    public PersonalAttribute(PersonalDataCategory category) { }

                    public bool Encrypt { get; set; }
                }
            }

            namespace Shop
            {
                public class Lead
                {
                    [DataSubject]
                    public int PersonId { get; set; }

                    [Other.Personal(PersonalDataCategory.Contact, Encrypt = true)]
                    public string Nickname { get; set; } = "";

                    [Personal(PersonalDataCategory.Contact, Encrypt = true)]
                    public string Email { get; set; } = "";

                    [Other.Personal(PersonalDataCategory.Contact)]
                    public string Alias { get; set; } = "";
                }
            }
            """));

        Assert.Empty(output.AllDiagnostics);
        var generated = output.Sources["Shop.LeadPrivacy.g.cs"];
        Assert.Contains("PrivacyPropertyMetadata(\"Email\"", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Nickname\"", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Alias\"", generated, StringComparison.Ordinal);
    }

    /// <summary>The metadata lines, without the entity's name.</summary>
    private static string[] Metadata(string generated)
        => [.. generated.Split('\n').Where(line => line.Contains("Metadata(", StringComparison.Ordinal) && !line.Contains("typeof(global::Shop.", StringComparison.Ordinal)).Select(line => line.Trim())];
}
