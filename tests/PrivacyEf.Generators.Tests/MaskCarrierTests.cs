using static PrivacyEf.Generators.Tests.DiagnosticAssert;

namespace PrivacyEf.Generators.Tests;

/// <summary>
/// A partial entity class gets a slot for the masks the read guard puts on it; every other shape keeps them in the
/// runtime's weak table, and giving it a slot would not compile (a class that is not partial) or would change its
/// equality (a record).
/// </summary>
public sealed class MaskCarrierTests
{
    private const string Carrier = "global::PrivacyEf.Internal.IPrivacyMaskCarrier";

    [Theory]
    [InlineData("public partial class Customer", true)]
    [InlineData("internal sealed partial class Customer", true)]
    [InlineData("public abstract partial class Customer", true)]
    [InlineData("public class Customer", false)]
    [InlineData("public partial record Customer", false)]
    [InlineData("public record class Customer", false)]
    public void Only_a_partial_class_gets_a_mask_slot(string declaration, bool carries)
    {
        var output = GeneratorHarness.Run(("Entity.cs", Usings + $$"""
            namespace Shop
            {
                {{declaration}}
                {
                    [DataSubject]
                    public int Id { get; set; }

                    [Personal(PersonalDataCategory.Contact, Encrypt = true)]
                    public string Email { get; set; } = "";
                }
            }
            """));

        Assert.Empty(output.AllDiagnostics);
        Assert.Empty(output.CompilationErrors());
        Assert.Equal(carries, output.Sources["Shop.CustomerPrivacy.g.cs"].Contains("partial class Customer : " + Carrier, StringComparison.Ordinal));
        var type = output.OutputCompilation.GetTypeByMetadataName("Shop.Customer")!;
        Assert.Equal(carries, type.AllInterfaces.Any(i => i.Name == "IPrivacyMaskCarrier"));
    }

    [Fact]
    public void A_partial_class_declared_in_two_files_and_one_in_the_global_namespace_get_slots()
    {
        var output = GeneratorHarness.Run(
            ("Customer.cs", Usings + """
                namespace Shop
                {
                    public partial class Customer
                    {
                        [DataSubject]
                        public int Id { get; set; }
                    }
                }

                public partial class Visitor
                {
                    [Personal(PersonalDataCategory.Contact)]
                    public string Email { get; set; } = "";
                }
                """),
            ("Customer.Contact.cs", Usings + """
                namespace Shop
                {
                    public partial class Customer
                    {
                        [Personal(PersonalDataCategory.Contact, Encrypt = true)]
                        public string Email { get; set; } = "";
                    }
                }
                """));

        Assert.Empty(output.CompilationErrors());
        Assert.Contains("partial class Customer : " + Carrier, output.Sources["Shop.CustomerPrivacy.g.cs"], StringComparison.Ordinal);
        Assert.Contains("partial class Visitor : " + Carrier, output.Sources["VisitorPrivacy.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_partial_in_one_file_only_is_left_to_the_compiler_and_gets_no_slot()
    {
        // CS0260 (missing partial modifier) is the compiler's to report; a slot would add a third declaration to it.
        var output = GeneratorHarness.Run(
            ("A.cs", Usings + "namespace Shop { public partial class Customer { [DataSubject] public int Id { get; set; } } }"),
            ("B.cs", Usings + "namespace Shop { public class Customer { [Personal(PersonalDataCategory.Contact)] public string Email { get; set; } = \"\"; } }"));

        Assert.DoesNotContain(Carrier, string.Concat(output.Sources.Values), StringComparison.Ordinal);
    }

    [Fact]
    public void A_nested_partial_class_gets_no_slot()
    {
        var output = GeneratorHarness.Run(("Entity.cs", Usings + """
            namespace Shop
            {
                public partial class Outer
                {
                    public partial class Customer
                    {
                        [DataSubject]
                        public int Id { get; set; }

                        [Personal(PersonalDataCategory.Contact)]
                        public string Email { get; set; } = "";
                    }
                }
            }
            """));

        Assert.Empty(output.CompilationErrors());
        Assert.DoesNotContain(Carrier, string.Concat(output.Sources.Values), StringComparison.Ordinal);
    }
}
